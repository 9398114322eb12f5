using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization;

/// <summary>Registration of the organization module: departments' contacts and people.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<IPersonLookup>(provider => provider.GetRequiredService<PeopleDirectory>());
        services.AddScoped<PeopleService>();
        services.AddScoped<PeopleImportProfile>();
        services.AddScoped<DepartmentContactsService>();
        services.AddHomeGapSource<MissingLiaisonGaps>();
        services.AddEvidenceProvider<DepartmentContactsEvidence>();
        services.AddEvidenceRecordSource<DepartmentContactsEvidenceRecords>();
        services.AddDemoSeeder<OrganizationDemoSeeder>();
        return services;
    }

    public static WebApplication MapOrganizationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPeopleApi();
        app.MapDepartmentContactsApi();
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.people", "/organization/people", 150, OrganizationPermissions.PeopleRead))
            .Add(new NavigationItem("nav.departments", "/organization/departments", 155, OrganizationPermissions.PeopleRead));
        return app;
    }
}
