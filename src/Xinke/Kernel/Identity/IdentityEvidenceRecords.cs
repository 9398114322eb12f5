using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Kernel.Identity;

/// <summary>
/// The accounts <see cref="IdentityEvidence"/> grades (active when judged; for a department, those
/// holding a role scoped inside it): for ACC-03 their second factor, for ACC-05 their password age.
/// </summary>
public sealed class IdentityEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [IdentityEvidence.Authentication, IdentityEvidence.Passwords];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var accounts = db.Set<Account>().AsNoTracking().Where(a => a.State == AccountState.Active && a.CreatedAt <= query.AsOf);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
            accounts = accounts.Where(a => db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && inside.Contains(r.DepartmentId)));
        }

        var ordered = accounts.OrderBy(a => a.UserName);
        yield return requirementId == IdentityEvidence.Authentication
            ? RecordSheets.Of(
                "evidencerecords.accounts_mfa",
                ["evidencerecords.user_name", "evidencerecords.display_name", "evidencerecords.created_at", "evidencerecords.mfa_enrolled_at"],
                ordered.Select(a => new { a.UserName, a.DisplayName, a.CreatedAt, a.MfaEnrolledAt }),
                a => new RecordRow(a.UserName, a.DisplayName, a.CreatedAt, a.MfaEnrolledAt))
            : RecordSheets.Of(
                "evidencerecords.accounts_passwords",
                ["evidencerecords.user_name", "evidencerecords.display_name", "evidencerecords.password_changed_at", "evidencerecords.must_change_password"],
                ordered.Where(a => a.PasswordHash != null).Select(a => new { a.UserName, a.DisplayName, a.PasswordChangedAt, a.MustChangePassword }),
                a => new RecordRow(a.UserName, a.DisplayName, a.PasswordChangedAt, a.MustChangePassword));
    }
}
