namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>Response and resolution targets of one priority, in business minutes of the ticket's calendar.</summary>
public sealed record SlaTarget(int ResponseMinutes, int ResolutionMinutes)
{
    public TimeSpan Response => TimeSpan.FromMinutes(ResponseMinutes);

    public TimeSpan Resolution => TimeSpan.FromMinutes(ResolutionMinutes);
}
