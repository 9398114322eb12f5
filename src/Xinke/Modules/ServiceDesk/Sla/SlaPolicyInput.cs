namespace Xinke.Modules.ServiceDesk.Sla;

public sealed record SlaPolicyInput(string? Name, string? Priority, long? CategoryId, long? SystemId, int? ResponseMinutes, int? ResolutionMinutes, bool? AroundTheClock);

public sealed record SlaPolicyPatch(string? Name, int? ResponseMinutes, int? ResolutionMinutes, bool? AroundTheClock, bool? Active);

public sealed record SlaPolicyDto(long Id, string Name, Tickets.TicketPriority Priority, long? CategoryId, long? SystemId, int ResponseMinutes, int ResolutionMinutes, bool AroundTheClock, bool Active, long Version)
{
    public static SlaPolicyDto From(SlaPolicy p) => new(p.Id, p.Name, p.Priority, p.CategoryId, p.SystemId, p.ResponseMinutes, p.ResolutionMinutes, p.AroundTheClock, p.Active, p.Version);
}
