using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access.Policy;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Access.Reviews;

namespace Xinke.Modules.Access;

/// <summary>Registration of the access module: permission requests, review campaigns, the account policy, their pages.</summary>
public static class AccessModule
{
    /// <summary>Approval of a request: the head of the person's department, then the security administrator; five working days.</summary>
    public static readonly ApprovalPolicyDefinition PermissionPolicy = new(
        PermissionRequests.ApprovalKind,
        40,
        [new ApprovalStepInput(WorkflowPermissions.DecideAsDepartmentHead, DepartmentLimited: true), new ApprovalStepInput(AccessPermissions.DecideAsSecurity)]);

    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.AddScoped<PermissionRequests>();
        services.AddScoped<PermissionGrants>();
        services.AddScoped<AccessReviews>();
        services.AddScoped<AccountPolicy>();
        services.AddApprovalPolicy(PermissionPolicy);
        services.AddApprovalOutcomeHandler<PermissionRequestApproval>();
        services.AddRecurringJob<PermissionGrantEndJob>();
        services.AddRecurringJob<AccessReviewJob>();
        services.AddRecurringJob<AccountPolicyJob>();
        services.AddSingleton<IObligationDeclarations, AccessObligations>();
        services.AddEvidenceProvider<AccessEvidence>();
        services.AddEvidenceRecordSource<AccessEvidenceRecords>();
        services.AddHomeGapSource<AccessHomeGaps>();
        services.AddRecordRuleCheck<AccessRuleChecks>();
        services.AddScoped<AccessDemoSeeder>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<AccessDemoSeeder>());
        services.AddScoped<IBusinessRecords>(provider => provider.GetRequiredService<AccessDemoSeeder>());
        services.AddNotificationKind(PermissionGrants.GrantedKind, "notice.kind.access_request_granted", emailByDefault: true);
        services.AddNotificationKind(PermissionGrants.EndedKind, "notice.kind.access_grant_ended", emailByDefault: true);
        services.AddNotificationKind(AccessReviews.OpenedKind, "notice.kind.access_review_opened", emailByDefault: true);
        services.AddNotificationKind(AccessReviews.EscalatedKind, "notice.kind.access_review_escalated", emailByDefault: true);
        services.AddNotificationKind(AccountPolicy.DisabledKind, "notice.kind.access_account_disabled", emailByDefault: true);
        return services;
    }

    public static WebApplication MapAccessApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPermissionRequestsApi();
        app.MapAccessReviewsApi();
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.access_requests", "/access/requests", 240, AccessPermissions.RequestsRead))
            .Add(new NavigationItem("nav.access_reviews", "/access/reviews", 241, AccessPermissions.ReviewsRead))
            .Add(new NavigationItem("nav.access_flags", "/access/flags", 242, AccessPermissions.ReviewsManage));
        return app;
    }
}
