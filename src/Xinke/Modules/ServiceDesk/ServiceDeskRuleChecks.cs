using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// OPS-07 on stored tickets: a resolved or closed ticket says how it was resolved, by whom and when;
/// a closed one says when it closed; and its SLA breach flags are what its history gives (its clocks
/// stopped at the resolution, so recomputing them now must give the stored answer).
/// </summary>
public sealed class ServiceDeskRuleChecks(XinkeDb db, TicketSla sla, TimeProvider clock) : IRecordRuleCheck
{
    private const int Chunk = 2_000;

    public string Area => "servicedesk";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long after = 0;
        while (true)
        {
            var tickets = await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.Id > after && (t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed))
                .OrderBy(t => t.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                yield break;
            }

            after = tickets[^1].Id;
            var ids = tickets.Select(t => t.Id).ToList();
            var histories = (await db.Set<TicketStatusChange>().AsNoTracking().Where(r => ids.Contains(r.TicketId)).ToListAsync(cancellationToken))
                .ToLookup(r => r.TicketId);
            foreach (var ticket in tickets)
            {
                if (string.IsNullOrWhiteSpace(ticket.Resolution) || ticket.ResolvedAt is null || ticket.ResolvedByAccountId is null || ticket.Cause is null)
                {
                    yield return new RuleViolation(TicketErrors.Requirement, ticket.Code, "Resolved or closed without its resolution on record.");
                }

                if (ticket.Status == TicketStatus.Closed && ticket.ClosedAt is null)
                {
                    yield return new RuleViolation(TicketErrors.Requirement, ticket.Code, "Closed without the time it closed.");
                }

                var history = histories[ticket.Id].ToList();
                if (history.Count == 0)
                {
                    yield return new RuleViolation(TicketErrors.Requirement, ticket.Code, "Without the history its SLA is worked out from.");
                    continue;
                }

                var (plan, calendar) = await sla.PlanAsync(ticket, cancellationToken);
                var state = SlaClock.Compute(history, plan.Targets, calendar, now);
                if (state.ResponseBreached != ticket.ResponseBreached || state.ResolutionBreached != ticket.ResolutionBreached)
                {
                    yield return new RuleViolation(TicketErrors.Requirement, ticket.Code, "Its SLA breach flags disagree with its history.");
                }
            }
        }
    }
}
