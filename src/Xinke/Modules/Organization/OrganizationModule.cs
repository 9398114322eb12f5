using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization;

/// <summary>Registration of the organization module: departments' contacts, people, posts, the IT leadership group.</summary>
public static class OrganizationModule
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<PeopleDirectory>();
        return services;
    }
}
