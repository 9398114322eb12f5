namespace Xinke.Modules.ServiceDesk.Tickets;

public sealed class SupportGroupMember
{
    public long GroupId { get; set; }

    public long AccountId { get; set; }
}
