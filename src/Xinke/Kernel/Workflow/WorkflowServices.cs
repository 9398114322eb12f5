using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Workflow;

/// <summary>Registration of the approval kernel, and the two calls a module makes to take part in it.</summary>
public static class WorkflowServices
{
    public const string InboxPath = "/approvals";

    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddScoped<ApproverMatch>();
        services.AddScoped<ApprovalPolicyService>();
        services.AddScoped<ApprovalService>();
        services.AddScoped<ApprovalNotices>();
        services.AddRecurringJob<ApprovalExpiryJob>();
        services.AddNotificationKind(ApprovalNotices.WaitingKind, "notice.kind.approval_waiting", emailByDefault: true);
        services.AddNotificationKind(ApprovalNotices.ClosedKind, "notice.kind.approval_closed");
        services.AddScoped<INavigationBadge, ApprovalInboxBadge>();
        return services;
    }

    /// <summary>Declares the default policy of a kind the module starts approvals of.</summary>
    public static IServiceCollection AddApprovalPolicy(this IServiceCollection services, ApprovalPolicyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        services.AddSingleton(definition);
        return services;
    }

    /// <summary>Registers the module's outcome handler for the kinds it names.</summary>
    public static IServiceCollection AddApprovalOutcomeHandler<T>(this IServiceCollection services)
        where T : class, IApprovalOutcomeHandler
    {
        services.AddScoped<IApprovalOutcomeHandler, T>();
        return services;
    }

    /// <summary>The inbox in the main menu (every signed-in account has one), and the policies for those who read them.</summary>
    public static WebApplication MapWorkflowNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.approvals", InboxPath, 100))
            .Add(new NavigationItem("nav.approval_policies", "/approvals/policies", 905, WorkflowPermissions.PoliciesRead));
        return app;
    }
}

/// <summary>The number on the inbox's menu entry: requests waiting for the caller's decision.</summary>
public sealed class ApprovalInboxBadge(ApprovalService approvals) : INavigationBadge
{
    public string Href => WorkflowServices.InboxPath;

    public Task<int> CountAsync(Caller caller, CancellationToken cancellationToken) => approvals.CountWaitingAsync(caller, cancellationToken);
}
