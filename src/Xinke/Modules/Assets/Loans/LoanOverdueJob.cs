using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// Every hour: tells the borrower of each overdue loan and their department's liaison (EQ-03: a
/// borrowed device comes back to be inspected) — at most once per loan and hospital-local day, the
/// day being stored on the loan in the same unit of work as the notices.
/// </summary>
public sealed class LoanOverdueJob : IRecurringJob
{
    public const string JobName = "assets.loan-overdue";
    public const string NoticeKind = "asset.loan_overdue";
    private const int Chunk = 200;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        var db = services.GetRequiredService<XinkeDb>();
        var people = services.GetRequiredService<PeopleDirectory>();
        var assets = services.GetRequiredService<AssetDirectory>();
        var notifier = services.GetRequiredService<Notifier>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = services.GetRequiredService<HospitalClock>().LocalDate(now);
        var after = 0L;
        while (true)
        {
            var loans = await db.Set<AssetLoan>()
                .Where(l => l.Id > after && l.ReturnedAt == null && l.DueAt < now && (l.OverdueNoticeOn == null || l.OverdueNoticeOn < today))
                .OrderBy(l => l.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (loans.Count == 0)
            {
                return;
            }

            after = loans[^1].Id;
            var tags = (await assets.FindManyAsync([.. loans.Select(l => l.AssetId).Distinct()], cancellationToken)).ToDictionary(a => a.Id, a => a.Tag);
            var borrowers = (await people.FindManyAsync([.. loans.Select(l => l.BorrowerPersonId).Distinct()], cancellationToken)).ToDictionary(p => p.Id);
            await AmbientTransaction.RunAsync(db, async () =>
            {
                foreach (var loan in loans)
                {
                    var recipients = new HashSet<long>();
                    if (borrowers.GetValueOrDefault(loan.BorrowerPersonId)?.AccountId is { } borrower)
                    {
                        recipients.Add(borrower);
                    }

                    if ((await people.ContactsOfAsync(loan.DepartmentId, cancellationToken)).LiaisonAccountId is { } liaison)
                    {
                        recipients.Add(liaison);
                    }

                    loan.OverdueNoticeOn = today;
                    if (recipients.Count > 0)
                    {
                        var name = borrowers.GetValueOrDefault(loan.BorrowerPersonId)?.Name ?? "—";
                        var title = $"{loan.Code} · {tags.GetValueOrDefault(loan.AssetId) ?? "—"} · {name}";
                        var body = string.Create(CultureInfo.InvariantCulture, $"{loan.DueAt:u}");
                        await notifier.NotifyAsync(new NotificationMessage(NoticeKind, title, body, $"/assets/loans/{loan.Id}"), recipients, cancellationToken);
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
                return Result<bool>.Success(true);
            }, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
