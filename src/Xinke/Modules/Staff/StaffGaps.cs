using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;

namespace Xinke.Modules.Staff;

/// <summary>
/// The home page's ACC-01 gap for whoever records agreements: active accounts (administrators
/// aside) whose person has not accepted the current confidentiality agreement, within their scope.
/// </summary>
public sealed class StaffGaps(XinkeDb db, DepartmentScope scope, PeopleDirectory people, AgreementRecords agreements) : IHomeGapSource
{
    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(StaffPermissions.AgreementsWrite))
        {
            return [];
        }

        var current = await agreements.CurrentAsync(AgreementKind.Confidentiality, cancellationToken);
        var administrators = db.Set<RoleAssignment>().Where(r => BuiltInRoles.Administrators.Contains(r.Role!.Name)).Select(r => r.AccountId);
        var currentId = current?.Id ?? 0;
        var accepted = db.Set<AgreementAcceptance>().Where(a => a.VersionId == currentId).Select(a => a.PersonId);
        var lacking = await db.Set<Account>().AsNoTracking()
            .Where(a => a.State == AccountState.Active && a.PersonId != null && a.BootstrapName == null && !administrators.Contains(a.Id) && !accepted.Contains(a.PersonId!.Value))
            .Select(a => a.PersonId!.Value)
            .ToListAsync(cancellationToken);
        var departments = await scope.DepartmentsAsync(StaffPermissions.AgreementsWrite, cancellationToken);
        var count = departments is null
            ? lacking.Count
            : (await people.FindManyAsync(lacking, cancellationToken)).Count(p => departments.Contains(p.DepartmentId));
        return count == 0 ? [] : [new HomeGap("ACC-01", "gap.staff.agreement_missing", "/staff/agreements", count)];
    }
}
