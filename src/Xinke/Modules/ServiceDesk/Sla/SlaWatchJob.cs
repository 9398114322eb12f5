using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// Every few minutes: refreshes the SLA columns of the tickets whose clocks run, warns the assignee
/// once a target is used up to the warning share, and escalates once at the breach to the group's
/// lead and the IT director (CHG-07, OPS-07). Each happens once per ticket (until a reopen).
/// </summary>
public sealed class SlaWatchJob : IRecurringJob
{
    public const string JobName = "servicedesk.sla-watch";
    public const string WarningKind = "ticket.sla_warning";
    public const string EscalationKind = "ticket.sla_escalated";
    private const int Chunk = 500;

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(5));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        var db = services.GetRequiredService<XinkeDb>();
        var sla = services.GetRequiredService<TicketSla>();
        var notifier = services.GetRequiredService<Notifier>();
        var warnAt = services.GetRequiredService<IOptions<ServiceDeskOptions>>().Value.WarnAt;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var directors = await db.Set<RoleAssignment>().AsNoTracking().Where(a => a.Role!.Name == BuiltInRoles.ItDirector).Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);
        var after = 0L;
        while (true)
        {
            var tickets = await db.Set<Ticket>()
                .Where(t => t.Id > after && (t.Status == TicketStatus.New || t.Status == TicketStatus.Assigned || t.Status == TicketStatus.InProgress))
                .OrderBy(t => t.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                return;
            }

            after = tickets[^1].Id;
            var ids = tickets.Select(t => t.Id).ToList();
            var histories = (await db.Set<TicketStatusChange>().AsNoTracking().Where(r => ids.Contains(r.TicketId)).ToListAsync(cancellationToken)).ToLookup(r => r.TicketId);
            var leads = await db.Set<SupportGroup>().AsNoTracking().Where(g => g.LeadAccountId != null).ToDictionaryAsync(g => g.Id, g => g.LeadAccountId!.Value, cancellationToken);
            foreach (var ticket in tickets)
            {
                var state = await sla.ApplyAsync(ticket, [.. histories[ticket.Id]], cancellationToken);
                if ((state.ResponseBreached || state.ResolutionBreached) && ticket.SlaEscalatedAt is null)
                {
                    ticket.SlaEscalatedAt = now;
                    ticket.SlaWarnedAt ??= now;
                    var recipients = directors.ToList();
                    if (ticket.GroupId is { } group && leads.TryGetValue(group, out var lead))
                    {
                        recipients.Add(lead);
                    }

                    if (ticket.AssigneeAccountId is { } assignee)
                    {
                        recipients.Add(assignee);
                    }

                    await notifier.NotifyAsync(Message(EscalationKind, ticket), recipients, cancellationToken);
                }
                else if (ticket.SlaWarnedAt is null && !state.ResponseBreached && !state.ResolutionBreached && Math.Max(state.ResolutionUsed, state.ResponseUsed) >= warnAt)
                {
                    ticket.SlaWarnedAt = now;
                    var recipients = ticket.AssigneeAccountId is { } assignee ? [assignee]
                        : ticket.GroupId is { } group && leads.TryGetValue(group, out var lead) ? [lead] : directors;
                    await notifier.NotifyAsync(Message(WarningKind, ticket), recipients, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static NotificationMessage Message(string kind, Ticket ticket) =>
        new(kind, $"{ticket.Code} · {ticket.Title}", ticket.ResolutionDueAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture), $"/servicedesk/tickets/detail?id={ticket.Id}");
}
