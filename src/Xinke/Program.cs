using System.CommandLine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Bench;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Cli;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Evidence.Inspections;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Evidence.Tuning;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access;
using Xinke.Modules.Assets;
using Xinke.Modules.Organization;
using Xinke.Modules.Organization.Leadership;
using Xinke.Modules.Organization.Posts;
using Xinke.Modules.ServiceDesk;
using Xinke.Modules.Staff;
using Xinke.Modules.Systems;

return await XinkeCli.Build(CreateApp).Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });

static WebApplication CreateApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddXinkeWeb();
    builder.Services.AddXinkeIdentity();
    builder.Services.AddXinkeEvidence();
    builder.Services.AddXinkeNotifications();
    builder.Services.AddEvidenceProvider<IdentityEvidence>();
    builder.Services.AddEvidenceProvider<AuditEvidence>();
    builder.Services.AddEvidencePacks();
    builder.Services.AddEvidenceRecordSource<IdentityEvidenceRecords>();
    builder.Services.AddEvidenceRecordSource<AuditEvidenceRecords>();
    builder.Services.AddCalendar();
    builder.Services.AddImprovements();
    builder.Services.AddChecklists();
    builder.Services.AddWorkflow();
    builder.Services.AddXinkeFiles();
    builder.Services.AddXinkeJobs();
    builder.Services.AddXinkeObligations();
    builder.Services.AddXinkeImport();
    builder.Services.AddBackup();
    builder.Services.AddScoped<DemoRunner>();
    builder.Services.AddConsistencyCheck();
    builder.Services.AddDemoSeeder<AdministratorsDemoSeeder>();
    builder.Services.AddDemoSeeder<AuditHistoryDemoSeeder>();
    builder.Services.AddDemoSeeder<PlannerStatisticsDemoSeeder>();
    builder.Services.AddOrganization();
    builder.Services.AddLeadership();
    builder.Services.AddPosts();
    builder.Services.AddSystems();
    builder.Services.AddStaff();
    builder.Services.AddAccess();
    builder.Services.AddServiceDesk();
    builder.Services.AddKnowledge();
    builder.Services.AddAssets();

    if (XinkeCli.IsGeneratingOpenApiAtBuild)
    {
        // The build runs the app to describe its endpoints: there is no database, so no background work.
        builder.Services.RemoveAll<IHostedService>();
    }

    var app = builder.Build();
    app.UseXinkeWeb();
    app.MapInstallationEndpoints();
    app.MapBenchEndpoints();
    app.MapSessionApi();
    app.MapTokensApi();
    app.MapUsersApi();
    app.MapRolesApi();
    app.MapDepartmentsApi();
    app.MapAuditApi();
    app.MapEvidenceApi();
    app.MapEvidenceDocumentsApi();
    app.MapSelfInspectionsApi();
    app.MapFrameworkTuningApi();
    app.MapEvidencePacksApi();
    app.MapNotificationsApi();
    app.MapCalendarApi();
    app.MapImprovementsApi();
    app.MapChecklistsApi();
    app.MapApprovalsApi();
    app.MapWorkflowNavigation();
    app.MapAttachmentsApi();
    app.MapIdentityNavigation();
    app.MapChecklistsNavigation();
    app.MapImprovementsNavigation();
    app.MapCalendarNavigation();
    app.MapObligationsApi();
    app.MapOrganizationApi();
    app.MapObligationsNavigation();
    app.MapSystemsApi();
    app.MapSystemsNavigation();
    app.MapLeadershipApi();
    app.MapPostsApi();
    app.MapStaffApi();
    app.MapAccessApi();
    app.MapServiceDeskApi();
    app.MapKnowledgeApi();
    app.MapAssetsApi();
    app.MapRazorPages();
    app.MapApiFallback();
    app.MapPageFallback();
    return app;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
