using System.CommandLine;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Bench;
using Xinke.Kernel.Cli;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;

return await XinkeCli.Build(CreateApp).Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });

static WebApplication CreateApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddXinkeWeb();
    builder.Services.AddXinkeIdentity();
    builder.Services.AddXinkeJobs();
    builder.Services.AddXinkeObligations();
    builder.Services.AddScoped<DemoRunner>();

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
    app.MapObligationsApi();
    app.MapIdentityNavigation();
    app.MapObligationsNavigation();
    app.MapRazorPages();
    app.MapApiFallback();
    app.MapPageFallback();
    return app;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
