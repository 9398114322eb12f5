using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>
/// ACC-01: every active account, the bootstrap administrators aside, was cleared at activation by a
/// system-use training its person passed and a confidentiality agreement its person accepted.
/// </summary>
public sealed class StaffRuleChecks(XinkeDb db) : IRecordRuleCheck
{
    public string Area => "staff";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var active = db.Set<Account>().AsNoTracking().Where(a => a.State == AccountState.Active && a.BootstrapName == null);
        var cleared = db.Set<ActivationClearance>().AsNoTracking().Where(c =>
            db.Set<TrainingAttendance>().Any(t => t.Id == c.AttendanceId && t.PersonId == c.PersonId && t.Result == AttendanceResult.Passed && t.Session!.Kind == TrainingKind.SystemUse)
            && db.Set<AgreementAcceptance>().Any(g => g.Id == c.AcceptanceId && g.PersonId == c.PersonId));
        var uncleared = await active.Where(a => !cleared.Any(c => c.AccountId == a.Id && c.PersonId == a.PersonId))
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.UserName }).ToListAsync(cancellationToken);
        foreach (var account in uncleared)
        {
            yield return new RuleViolation(
                TrainingAndAgreementGate.Requirement,
                string.Create(CultureInfo.InvariantCulture, $"account:{account.Id} ({account.UserName})"),
                "Active without a passed system-use training and an accepted confidentiality agreement on record.");
        }
    }
}
