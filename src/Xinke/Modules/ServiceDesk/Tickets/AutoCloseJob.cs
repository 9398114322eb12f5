using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Jobs;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>Closes resolved tickets the reporter neither confirmed nor reopened within <see cref="ServiceDeskOptions.AutoCloseAfter"/>, as the system.</summary>
public sealed class AutoCloseJob : IRecurringJob
{
    public const string JobName = "servicedesk.auto-close";
    public const string Reason = "auto-close";

    public string Name => JobName;

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(30));

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        var db = services.GetRequiredService<XinkeDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var cutoff = now - services.GetRequiredService<IOptions<ServiceDeskOptions>>().Value.AutoCloseAfter;
        while (true)
        {
            var due = await db.Set<Ticket>().Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= cutoff).OrderBy(t => t.Id).Take(500).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            foreach (var ticket in due)
            {
                db.Add(ticket.Close(null, Reason, now).Value!);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
