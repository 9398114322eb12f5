namespace Xinke.Kernel.Data.Consistency;

public static class ConsistencyRegistration
{
    /// <summary>The check runner and the kernel's own checks: the audit chain and the obligations.</summary>
    public static IServiceCollection AddConsistencyCheck(this IServiceCollection services)
    {
        services.AddScoped<ConsistencyCheck>();
        services.AddRecordRuleCheck<AuditChainRuleCheck>();
        services.AddRecordRuleCheck<ObligationRuleChecks>();
        return services;
    }

    public static IServiceCollection AddRecordRuleCheck<T>(this IServiceCollection services)
        where T : class, IRecordRuleCheck => services.AddScoped<IRecordRuleCheck, T>();
}
