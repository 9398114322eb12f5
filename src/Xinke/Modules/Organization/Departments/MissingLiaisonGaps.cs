using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Departments;

/// <summary>Departments without an IT liaison (ORG-03), shown on the home page to whoever names liaisons.</summary>
public sealed class MissingLiaisonGaps(DepartmentContactsService contacts, DepartmentScope scope) : IHomeGapSource
{
    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(OrganizationPermissions.ContactsWrite))
        {
            return [];
        }

        var missing = await contacts.WithoutLiaisonAsync(await scope.DepartmentsAsync(OrganizationPermissions.ContactsWrite, cancellationToken), cancellationToken);
        return missing.Count == 0
            ? []
            : [new HomeGap(DepartmentContactsService.Requirement, "home.gap.missing_liaison", "/organization/departments?missing=true", missing.Count, string.Join("、", missing.Take(5).Select(d => d.Name)))];
    }
}
