using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;

namespace Xinke.Kernel.Obligations;

/// <summary>
/// Tells an obligation's owner that a period went late or was missed: the person, every active
/// holder of the role, or everyone holding a role in the department.
/// </summary>
public sealed class ObligationOverdueNotices(XinkeDb db, Notifier notifier, HospitalClock hospital) : IObligationNotifier
{
    public const string OverdueKind = "obligation.overdue";

    public async Task PeriodOverdueAsync(Obligation obligation, ObligationPeriod period, PeriodStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(period);
        var owners = await OwnersAsync(obligation, cancellationToken);
        if (owners.Count == 0)
        {
            return;
        }

        var due = hospital.ToLocal(new DateTimeOffset(period.End, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var title = notifier.Text(status == PeriodStatus.Missed ? "notice.obligation.missed" : "notice.obligation.late", obligation.Title, due);
        var link = string.Create(CultureInfo.InvariantCulture, $"/obligations/{obligation.Id}");
        await notifier.NotifyAsync(new NotificationMessage(OverdueKind, title, string.Join(' ', obligation.Requirements), link), owners, cancellationToken);
    }

    private async Task<List<long>> OwnersAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        var active = db.Set<Account>().Where(a => a.State == AccountState.Active).Select(a => a.Id);
        switch (obligation.OwnerKind)
        {
            case OwnerKind.Person when long.TryParse(obligation.Owner, CultureInfo.InvariantCulture, out var person):
                return await active.Where(a => a == person).ToListAsync(cancellationToken);
            case OwnerKind.Role:
                return await db.Set<RoleAssignment>()
                    .Where(r => r.Role!.Name == obligation.Owner && active.Contains(r.AccountId))
                    .Select(r => r.AccountId).Distinct().ToListAsync(cancellationToken);
            case OwnerKind.Department when long.TryParse(obligation.Owner, CultureInfo.InvariantCulture, out var department):
                return await db.Set<RoleAssignment>()
                    .Where(r => r.DepartmentId == department && active.Contains(r.AccountId))
                    .Select(r => r.AccountId).Distinct().ToListAsync(cancellationToken);
            default:
                return [];
        }
    }
}
