using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.FaultRegister;

/// <summary>
/// The fault register (ROOM-03) read from the tickets of kind fault: nothing is copied, so the
/// register always shows what the tickets hold. The handling record is the ticket's public
/// timeline: its status history (assignments included) and its public comments.
/// </summary>
public sealed class FaultRecords(XinkeDb db, HospitalClock hospital, TimeProvider clock, InformationSystems systems)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public HospitalClock Hospital => hospital;

    public IQueryable<Ticket> Faults() => db.Set<Ticket>().AsNoTracking().Where(t => t.Kind == TicketKind.Fault);

    /// <summary>The first day of a month written <c>yyyy-MM</c>.</summary>
    public static bool TryParseMonth(string? text, out DateOnly first) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    /// <summary>The register's query under the filters; shared by the list, the export, the page and the evidence.</summary>
    public Result<IQueryable<Ticket>> Query(FaultFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var faults = Faults();
        if (filter.Month is not null)
        {
            if (!TryParseMonth(filter.Month, out var first))
            {
                return Error.Invalid(FaultErrors.InvalidMonth, "month");
            }

            var start = hospital.StartOfDayUtc(first);
            var end = hospital.StartOfDayUtc(first.AddMonths(1));
            faults = faults.Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        }

        if (filter.SystemId is { } system)
        {
            faults = faults.Where(t => t.SystemId == system);
        }

        if (!string.IsNullOrWhiteSpace(filter.Location))
        {
            var location = filter.Location.Trim();
            faults = faults.Where(t => t.Location != null && t.Location.Contains(location));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            faults = faults.Where(t => t.Code.Contains(text) || t.Title.Contains(text) || t.Description.Contains(text));
        }

        return Result<IQueryable<Ticket>>.Success(faults);
    }

    public async Task<FaultEntry?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var ticket = await Faults().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is null ? null : (await EntriesAsync([ticket], cancellationToken))[0];
    }

    /// <summary>The register's lines for <paramref name="tickets"/>, with their handling records, in three queries whatever their number.</summary>
    public async Task<IReadOnlyList<FaultEntry>> EntriesAsync(IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        var ids = tickets.Select(t => t.Id).ToList();
        var changes = await db.Set<TicketStatusChange>().AsNoTracking().Where(c => ids.Contains(c.TicketId)).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var comments = await db.Set<TicketComment>().AsNoTracking().Where(c => ids.Contains(c.TicketId) && !c.Internal).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var accounts = changes.Select(c => c.ActorAccountId).Concat(changes.Select(c => c.AssigneeAccountId)).Concat(comments.Select(c => (long?)c.AuthorAccountId))
            .Concat(tickets.Select(t => t.AssigneeAccountId)).OfType<long>().Distinct().ToList();
        var names = await NamesAsync(accounts, cancellationToken);
        var systemNames = await SystemNamesAsync(tickets.Select(t => t.SystemId).OfType<long>().Distinct().ToList(), cancellationToken);
        var now = Now;
        return [.. tickets.Select(t => new FaultEntry(
            t.Id,
            t.Code,
            t.CreatedAt,
            t.Title,
            t.Description,
            t.SystemId,
            t.SystemId is { } s ? systemNames.GetValueOrDefault(s) : null,
            t.Location,
            t.Status,
            Name(names, t.AssigneeAccountId),
            t.Cause,
            t.RootCause,
            t.Resolution,
            t.ResolvedAt,
            t.ClosedAt,
            t.ResolutionDueAt,
            IsOverdue(t, now),
            [.. changes.Where(c => c.TicketId == t.Id).Select(c => new FaultHandlingStep(c.At, Name(names, c.ActorAccountId), c.From, c.To, Name(names, c.AssigneeAccountId), c.Reason))
                .Concat(comments.Where(c => c.TicketId == t.Id).Select(c => new FaultHandlingStep(c.At, Name(names, c.AuthorAccountId), null, null, null, c.Text)))
                .OrderBy(step => step.At)]))];
    }

    /// <summary>An open fault whose resolution target has passed: a gap in the register until it is resolved.</summary>
    public static bool IsOverdue(Ticket ticket, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.IsOpen && ticket.ResolutionDueAt < now;
    }

    /// <summary>Account display names by id (the kernel's accounts, read-only).</summary>
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await db.Set<Account>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);

    /// <summary>Information-system names by id, through the register's public service.</summary>
    public async Task<IReadOnlyDictionary<long, string>> SystemNamesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        (await systems.FindManyAsync(ids, cancellationToken)).ToDictionary(s => s.Id, s => $"{s.Code} {s.Name}");

    public Task<IReadOnlyList<SystemSummary>> SystemsAsync(CancellationToken cancellationToken) => systems.InServiceAsync(cancellationToken);

    private static string? Name(IReadOnlyDictionary<long, string> names, long? id) => id is { } key ? names.GetValueOrDefault(key) : null;
}
