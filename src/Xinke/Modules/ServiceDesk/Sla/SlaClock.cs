using Xinke.Kernel.Calendar;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// Derives a ticket's SLA clocks from its status history, every time, so pauses, reassignments and
/// priority changes are always counted the same way. The rules:
/// <list type="bullet">
/// <item>Both clocks count business time of the ticket's calendar from the row that opened it.</item>
/// <item>The response clock stops for good at the first move to in progress, pending, resolved or
/// closed (an engineer took the ticket up).</item>
/// <item>The resolution clock runs while the ticket is new, assigned or in progress: pending stops it,
/// resolved and closed stop it, a reopen resumes it where it stopped (the time already used stays used).</item>
/// <item>A reassignment is not a status change: nothing resets.</item>
/// <item>A priority change keeps the time used so far and compares it, from that moment on, with the new
/// priority's target: the ticket is due when the new target is used up. A breach that happened under the
/// earlier target stays a breach; a stricter target already used up breaches at the moment of the change.</item>
/// </list>
/// </summary>
public static class SlaClock
{
    /// <summary>The clocks at <paramref name="now"/>; <paramref name="history"/> in any order, <paramref name="targets"/> per priority (a missing priority has no target).</summary>
    public static SlaState Compute(IEnumerable<TicketStatusChange> history, IReadOnlyDictionary<TicketPriority, SlaTarget> targets, BusinessCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(calendar);
        var rows = history.OrderBy(r => r.At).ThenBy(r => r.Id).ToList();
        if (rows.Count == 0)
        {
            throw new ArgumentException("A ticket's history starts with the row that opened it.", nameof(history));
        }

        var response = new Counter(t => t.Response);
        var resolution = new Counter(t => t.Resolution);
        var responded = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var start = Utc(row.At);
            var end = i + 1 < rows.Count ? Utc(rows[i + 1].At) : now;
            if (end < start)
            {
                end = start;
            }

            var target = targets.GetValueOrDefault(row.Priority);
            responded |= row.To is not (TicketStatus.New or TicketStatus.Assigned);
            response.Run(calendar, target, start, end, running: !responded);
            resolution.Run(calendar, target, start, end, running: RunsResolution(row.To));
        }

        return new SlaState(
            response.Elapsed, response.Target, response.DueAt, response.BreachedAt,
            resolution.Elapsed, resolution.Target, resolution.DueAt, resolution.BreachedAt,
            RunsResolution(rows[^1].To));
    }

    public static bool RunsResolution(TicketStatus status) => status is TicketStatus.New or TicketStatus.Assigned or TicketStatus.InProgress;

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>One clock: the business time used, the target in force, the breach and the due time of the last segment.</summary>
    private sealed class Counter(Func<SlaTarget, TimeSpan> targetOf)
    {
        public TimeSpan Elapsed { get; private set; }

        public TimeSpan? Target { get; private set; }

        public DateTimeOffset? DueAt { get; private set; }

        public DateTimeOffset? BreachedAt { get; private set; }

        public void Run(BusinessCalendar calendar, SlaTarget? target, DateTimeOffset start, DateTimeOffset end, bool running)
        {
            Target = target is null ? null : targetOf(target);
            DueAt = null;
            if (!running)
            {
                return;
            }

            if (Target is { } limit)
            {
                var due = Elapsed >= limit ? start : calendar.Add(start, limit - Elapsed);
                DueAt = due;
                if (BreachedAt is null && due < end)
                {
                    BreachedAt = due;
                }
            }

            Elapsed += calendar.WorkingTimeBetween(start, end);
        }
    }
}
