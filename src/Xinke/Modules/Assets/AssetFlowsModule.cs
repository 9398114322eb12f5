using Microsoft.Extensions.Options;
using Xinke.Kernel.Files;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Scrapping;

namespace Xinke.Modules.Assets;

/// <summary>Registration of the asset flows: appraisal and scrapping, repairs, loans and reservations, requests, maintenance.</summary>
public static class AssetFlowsModule
{
    public static IServiceCollection AddAssetFlows(this IServiceCollection services)
    {
        services.AddOptions<ScrappingOptions>().BindConfiguration(ScrappingOptions.Section);
        services.AddScoped<ScrappingService>();
        services.AddScoped<RepairService>();
        services.AddApprovalOutcomeHandler<ScrapApproval>();
        services.AddSingleton(provider => ScrapPolicy(provider.GetRequiredService<IOptions<ScrappingOptions>>().Value.ScrapLeadershipThreshold));
        services.AddAttachmentOwner<AppraisalAttachments>();
        services.AddAttachmentOwner<ScrappingAttachments>();
        services.AddAssetUpkeep();
        services.AddAssetRequests();
        services.AddAssetLoans();
        return services;
    }

    public static WebApplication MapAssetFlowsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapScrappingApi();
        app.MapRepairsApi();
        app.MapAssetUpkeepApi();
        app.MapAssetRequests();
        app.MapAssetLoansApi();
        return app;
    }

    /// <summary>Scrapping is approved by the IT director, then by leadership when the purchase price is above the threshold; three working days.</summary>
    public static ApprovalPolicyDefinition ScrapPolicy(decimal leadershipThreshold) => new(
        ScrappingService.ApprovalKind,
        24,
        [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector), new ApprovalStepInput(WorkflowPermissions.DecideAsLeadership, MinAmount: leadershipThreshold)]);
}
