using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;

namespace Xinke.Kernel.Identity;

/// <summary>
/// What identity proves: ACC-03 by the share of accounts that must use a second factor and have
/// enrolled one; ACC-05 by the share of active accounts whose password is changed from the
/// initial one and within the policy's maximum age.
/// </summary>
public sealed class IdentityEvidence(XinkeDb db, RequirementCatalogue catalogue, IOptions<IdentityPolicyOptions> policy) : IEvidenceProvider
{
    public const string Authentication = "ACC-03";
    public const string Passwords = "ACC-05";
    private static readonly EvidenceLink Users = new("nav.users", "/admin/users");

    public IReadOnlyCollection<string> RequirementIds { get; } = [Authentication, Passwords];

    public Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return requirementId switch
        {
            Authentication => SecondFactorAsync(query, cancellationToken),
            Passwords => PasswordsAsync(query, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Identity does not evidence this requirement."),
        };
    }

    private async Task<EvidenceAnswer> SecondFactorAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var accounts = ActiveAccounts(query);
        var everyone = policy.Value.RequireMfaForEveryone;
        var mfaRoles = await db.Set<Role>().AsNoTracking().Where(r => r.RequiresMfa).Select(r => r.Id).ToListAsync(cancellationToken);
        var needing = everyone
            ? accounts
            : accounts.Where(a => db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && mfaRoles.Contains(r.RoleId)));
        var total = await needing.CountAsync(cancellationToken);
        var enrolled = await needing.CountAsync(a => a.MfaEnrolledAt != null && a.MfaEnrolledAt <= query.AsOf, cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, Authentication, enrolled, total);
        return new EvidenceAnswer(Authentication, status, new EvidenceReason("evidence.acc03.mfa", enrolled, total), [Users]);
    }

    private async Task<EvidenceAnswer> PasswordsAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var accounts = ActiveAccounts(query).Where(a => a.PasswordHash != null);
        var oldest = query.AsOf - policy.Value.PasswordMaxAge;
        var total = await accounts.CountAsync(cancellationToken);
        var current = await accounts.CountAsync(a => !a.MustChangePassword && a.PasswordChangedAt != null && a.PasswordChangedAt > oldest, cancellationToken);
        var status = EvidenceGrades.ByShare(catalogue, Passwords, current, total);
        return new EvidenceAnswer(Passwords, status, new EvidenceReason("evidence.acc05.passwords", current, total, policy.Value.PasswordMaxAgeDays), [Users]);
    }

    /// <summary>Accounts active when the records are judged; for a department, those holding a role scoped inside it.</summary>
    private IQueryable<Account> ActiveAccounts(EvidenceQuery query)
    {
        var accounts = db.Set<Account>().AsNoTracking().Where(a => a.State == AccountState.Active && a.CreatedAt <= query.AsOf);
        if (query.DepartmentId is not { } department)
        {
            return accounts;
        }

        var inside = db.Set<Department>().SelfAndBeneath(department).Select(id => (long?)id);
        return accounts.Where(a => db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && inside.Contains(r.DepartmentId)));
    }
}
