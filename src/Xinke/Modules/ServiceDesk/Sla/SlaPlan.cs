using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>The policies that apply to one ticket, per priority: the most specific active policy of each priority.</summary>
public sealed class SlaPlan(IReadOnlyDictionary<TicketPriority, SlaPolicy> policies)
{
    public IReadOnlyDictionary<TicketPriority, SlaTarget> Targets { get; } =
        policies.ToDictionary(p => p.Key, p => new SlaTarget(p.Value.ResponseMinutes, p.Value.ResolutionMinutes));

    public SlaPolicy? For(TicketPriority priority) => policies.GetValueOrDefault(priority);

    /// <summary>
    /// Picks, for each priority, the active policy matching the ticket that names the most of
    /// (system, category): a system's own policy beats a category's, which beats the general one.
    /// </summary>
    public static SlaPlan Of(IEnumerable<SlaPolicy> all, long? categoryId, long? systemId) => new(
        all.Where(p => p.Active && (p.CategoryId == null || p.CategoryId == categoryId) && (p.SystemId == null || p.SystemId == systemId))
            .GroupBy(p => p.Priority)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => (p.SystemId is null ? 0 : 2) + (p.CategoryId is null ? 0 : 1)).ThenByDescending(p => p.Id).First()));
}
