using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Assets.Scrapping;

namespace Xinke.Modules.Assets;

/// <summary>Registration of device requests (EQ-02), their approval and notices, and the evidence of requests, repairs and scrapping.</summary>
public static class AssetRequestsRegistration
{
    /// <summary>A device request is approved by the head of the requesting department; three working days.</summary>
    public static readonly ApprovalPolicyDefinition RequestPolicy = new(
        AssetRequests.ApprovalKind,
        24,
        [new ApprovalStepInput(WorkflowPermissions.DecideAsDepartmentHead, DepartmentLimited: true)]);

    public static IServiceCollection AddAssetRequests(this IServiceCollection services)
    {
        services.AddScoped<AssetRequests>();
        services.AddApprovalPolicy(RequestPolicy);
        services.AddApprovalOutcomeHandler<AssetRequestApproval>();
        services.AddNotificationKind(AssetRequests.DecidedKind, "notice.kind.asset_request_decided", emailByDefault: true);
        services.AddNotificationKind(AssetRequests.FulfilledKind, "notice.kind.asset_request_fulfilled", emailByDefault: true);
        services.AddEvidenceProvider<AssetRequestEvidence>();
        services.AddEvidenceRecordSource<AssetRequestEvidenceRecords>();
        services.AddEvidenceProvider<RepairEvidence>();
        services.AddEvidenceRecordSource<RepairEvidenceRecords>();
        services.AddEvidenceProvider<ScrapEvidence>();
        services.AddEvidenceRecordSource<ScrapEvidenceRecords>();
        services.AddScoped<AssetRequestDemoSeeder>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<AssetRequestDemoSeeder>());
        return services;
    }

    public static WebApplication MapAssetRequests(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAssetRequestsApi();
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.asset_requests", "/assets/requests", 161, AssetsPermissions.ReadRequests));
        return app;
    }
}
