using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Calendar;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// Works a ticket's SLA out from its history (<see cref="SlaClock"/>) and copies the result into the
/// ticket's due and breach columns, which only serve listing and filtering.
/// </summary>
public sealed class TicketSla(XinkeDb db, BusinessCalendars calendars, InformationSystems systems, TimeProvider clock)
{
    private List<SlaPolicy>? policies;
    private readonly Dictionary<long, bool> aroundTheClock = [];

    /// <summary>Recomputes the clocks at now, counting <paramref name="unsaved"/> history rows not yet stored.</summary>
    public async Task<SlaState> RefreshAsync(Ticket ticket, IEnumerable<TicketStatusChange> unsaved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var history = await db.Set<TicketStatusChange>().AsNoTracking().Where(r => r.TicketId == ticket.Id).ToListAsync(cancellationToken);
        history.AddRange(unsaved.Where(r => r.Id == 0));
        return await ApplyAsync(ticket, history, cancellationToken);
    }

    /// <summary>Computes the clocks at now from <paramref name="history"/> and stores the result on the ticket.</summary>
    public async Task<SlaState> ApplyAsync(Ticket ticket, IReadOnlyCollection<TicketStatusChange> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var (plan, calendar) = await PlanAsync(ticket, cancellationToken);
        var state = SlaClock.Compute(history, plan.Targets, calendar, clock.GetUtcNow());
        ticket.SlaPolicyId = plan.For(ticket.Priority)?.Id;
        ticket.ResponseDueAt = state.ResponseDueAt?.UtcDateTime;
        ticket.ResolutionDueAt = state.ResolutionDueAt?.UtcDateTime;
        ticket.ResponseBreached = state.ResponseBreached;
        ticket.ResolutionBreached = state.ResolutionBreached;
        return state;
    }

    /// <summary>The policies and the calendar of a ticket: 7×24 when its system runs around the clock or its policy says so.</summary>
    public async Task<(SlaPlan Plan, BusinessCalendar Calendar)> PlanAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        policies ??= await db.Set<SlaPolicy>().AsNoTracking().Where(p => p.Active).ToListAsync(cancellationToken);
        var plan = SlaPlan.Of(policies, ticket.CategoryId, ticket.SystemId);
        var allDay = plan.For(ticket.Priority)?.AroundTheClock == true || await RunsAroundTheClockAsync(ticket.SystemId, cancellationToken);
        return (plan, await calendars.GetAsync(allDay ? BusinessCalendars.AroundTheClock : BusinessCalendars.Office, cancellationToken));
    }

    /// <summary>Forgets the policies loaded so far (after a policy changed).</summary>
    public void Forget()
    {
        policies = null;
        aroundTheClock.Clear();
    }

    private async Task<bool> RunsAroundTheClockAsync(long? systemId, CancellationToken cancellationToken)
    {
        if (systemId is not { } id)
        {
            return false;
        }

        if (!aroundTheClock.TryGetValue(id, out var allDay))
        {
            allDay = (await systems.FindAsync(id, cancellationToken))?.RunsAroundTheClock == true;
            aroundTheClock[id] = allDay;
        }

        return allDay;
    }
}
