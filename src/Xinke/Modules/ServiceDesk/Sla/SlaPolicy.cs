using Xinke.Data;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// Response and resolution targets for a priority, in business minutes; optionally only for one
/// category or one information system (the most specific active policy wins).
/// </summary>
public sealed class SlaPolicy : IVersioned
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }

    public required string Name { get; set; }

    public TicketPriority Priority { get; set; }

    public long? CategoryId { get; set; }

    public long? SystemId { get; set; }

    public int ResponseMinutes { get; set; }

    public int ResolutionMinutes { get; set; }

    /// <summary>Counts every minute (7×24) instead of the hospital's working hours.</summary>
    public bool AroundTheClock { get; set; }

    public bool Active { get; set; } = true;

    public long Version { get; set; }
}
