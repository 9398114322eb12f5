using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;

namespace Xinke.Kernel.Demo;

/// <summary>
/// A year of the demo hospital's everyday audit trail, so the audit log, its search and its export
/// are tried at a real hospital's volume (issue 11: 5,000,000 events at <c>large</c>): sign-ins (now
/// and then a mistyped password first), views and exports of records holding sensitive values,
/// attachment downloads, audit exports, sign-outs — by the installation's active accounts, in their
/// working hours, day after day. The other seeders write their records "now"; this history is
/// appended after them through the audit writer itself, each event at its own past time, so it is
/// sealed and chained exactly like a live event and the chain still verifies.
/// </summary>
public sealed class AuditHistoryDemoSeeder(XinkeDb db, AuditWriter writer, TimeProvider clock, HospitalClock hospital) : IDemoSeeder
{
    public const long LargeTotal = 5_000_000;
    public const long SmallTotal = 5_000;

    /// <summary>Events per transaction: large enough to be fast, small enough to hold in memory.</summary>
    private const int Batch = 10_000;

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.0.0",
        "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    ];

    public int Order => 10_000;

    public string Name => "audit-history";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var wanted = (size == DemoSize.Large ? LargeTotal : SmallTotal) - await db.Set<AuditEvent>().LongCountAsync(cancellationToken);
        var people = await db.Set<Account>().AsNoTracking().Where(a => a.State == AccountState.Active).OrderBy(a => a.Id)
            .Select(a => new Clerk(a.Id, a.UserName, a.MfaEnrolledAt != null || db.Set<RoleAssignment>().Any(r => r.AccountId == a.Id && r.Role!.RequiresMfa))).ToListAsync(cancellationToken);
        if (wanted <= 0 || people.Count == 0)
        {
            progress.Report("audit-history: nothing to add");
            return;
        }

        var targets = await TargetsAsync(cancellationToken);
        var history = new HistoryDays(people, targets, hospital, hospital.LocalDate(clock.GetUtcNow().UtcDateTime), wanted);
        long written = 0;
        foreach (var batch in history.Events().Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await writer.AppendHistoryAsync(db, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"audit-history: {written}/{wanted} events"));
        }
    }

    /// <summary>
    /// The records the history reads, taken from the chain itself (the creations the other seeders
    /// audited): records of types holding sensitive values, and attachments.
    /// </summary>
    private async Task<ReadTargets> TargetsAsync(CancellationToken cancellationToken)
    {
        var sensitiveTypes = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.GetProperties().Any(p => p.GetCustomAttribute<SensitiveAttribute>() is not null))
            .Select(t => t.ClrType.Name).Distinct().ToList();
        var attachment = nameof(Attachment);
        var created = await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Action == AuditAction.Create && e.EntityId != null && (sensitiveTypes.Contains(e.EntityType!) || e.EntityType == attachment))
            .OrderBy(e => e.Sequence).Select(e => new { e.EntityType, e.EntityId }).Take(50_000).ToListAsync(cancellationToken);
        return new ReadTargets(
            [.. created.Where(c => c.EntityType != attachment && long.TryParse(c.EntityId, CultureInfo.InvariantCulture, out _)).Select(c => (c.EntityType!, c.EntityId!))],
            [.. created.Where(c => c.EntityType == attachment).Select(c => c.EntityId!)]);
    }

    private sealed record Clerk(long Id, string UserName, bool TwoFactors)
    {
        public Actor Actor(int agent) => new(
            Id, UserName, string.Create(CultureInfo.InvariantCulture, $"10.20.{Id / 200 % 250}.{(Id % 200) + 20}"), UserAgents[agent]);
    }

    private sealed record ReadTargets(IReadOnlyList<(string Type, string Id)> Sensitive, IReadOnlyList<string> Attachments);

    /// <summary>Working days of the past year, each with its share of the events, in time order.</summary>
    private sealed class HistoryDays(IReadOnlyList<Clerk> people, ReadTargets targets, HospitalClock hospital, DateOnly today, long wanted)
    {
        private readonly Random random = new(11);

        public IEnumerable<HistoricalEvent> Events()
        {
            var days = Enumerable.Range(1, 365).Select(back => today.AddDays(-366 + back)).ToList();
            // Weekends keep the duty rota only: a tenth of a weekday's activity.
            var weights = days.Select(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 10).ToList();
            var total = weights.Sum();
            long given = 0;
            var weightSoFar = 0;
            for (var i = 0; i < days.Count; i++)
            {
                weightSoFar += weights[i];
                var upTo = wanted * weightSoFar / total;
                var events = Day(days[i], (int)(upTo - given));
                given = upTo;
                foreach (var e in events)
                {
                    yield return e;
                }
            }
        }

        /// <summary>Sessions of the day until it holds <paramref name="count"/> events, sorted by time.</summary>
        private List<HistoricalEvent> Day(DateOnly day, int count)
        {
            var opens = hospital.StartOfDayUtc(day).AddHours(8);
            var events = new List<HistoricalEvent>(count + 16);
            while (events.Count < count)
            {
                // A session starts between 08:00 and 17:00 and lasts up to half an hour.
                var at = opens.AddSeconds(random.Next(9 * 3600));
                events.AddRange(Session(people[random.Next(people.Count)], at));
            }

            return [.. events.Take(count).OrderBy(e => e.OccurredAt)];
        }

        private IEnumerable<HistoricalEvent> Session(Clerk clerk, DateTime at)
        {
            var actor = clerk.Actor(random.Next(UserAgents.Length));
            var account = clerk.Id.ToString(CultureInfo.InvariantCulture);
            if (random.Next(30) == 0)
            {
                yield return new(new PendingEvent(actor, "login_failed", AuditOutcome.Refused, nameof(Account), account, $$"""{"code":"{{IdentityErrors.InvalidCredentials}}"}"""), at);
                at = at.AddSeconds(5 + random.Next(20));
            }

            var factor = clerk.TwoFactors ? "password+totp" : LoginService.PasswordFactor;
            yield return new(new PendingEvent(actor, "login", AuditOutcome.Success, nameof(Account), account, $$"""{"factor":"{{factor}}"}"""), at);
            var actions = 1 + random.Next(12);
            for (var i = 0; i < actions; i++)
            {
                at = at.AddSeconds(10 + random.Next(150));
                if (Read(actor, clerk) is { } read)
                {
                    yield return new(read, at);
                }
            }

            if (random.Next(5) != 0)
            {
                // The rest let their session expire.
                yield return new(new PendingEvent(actor, "logout", AuditOutcome.Success, nameof(Account), account), at.AddSeconds(5 + random.Next(60)));
            }
        }

        private PendingEvent? Read(Actor actor, Clerk clerk)
        {
            var roll = random.Next(100);
            if (clerk.UserName == BuiltInRoles.AuditAdmin && roll < 30)
            {
                var from = today.AddDays(-random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return new PendingEvent(actor, "export", AuditOutcome.Success, nameof(AuditEvent), null, $$"""{"from":"{{from}}","format":"xlsx"}""");
            }

            if (targets.Attachments.Count > 0 && roll < 15)
            {
                return new PendingEvent(actor, AttachmentService.DownloadAction, AuditOutcome.Success, nameof(Attachment), targets.Attachments[random.Next(targets.Attachments.Count)]);
            }

            if (targets.Sensitive.Count == 0)
            {
                return null;
            }

            var (type, id) = targets.Sensitive[random.Next(targets.Sensitive.Count)];
            return roll < 22
                ? new PendingEvent(actor, SensitiveViews.ExportedAction, AuditOutcome.Success, type, null, """{"departmentId":null,"status":null,"q":null}""", SensitiveViews.Requirement)
                : new PendingEvent(actor, SensitiveViews.ViewedAction, AuditOutcome.Success, type, id, $$"""{"ids":[{{id}}]}""", SensitiveViews.Requirement);
        }
    }
}
