using Xinke.Data;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>An assignment group of the IT department (网络组, 桌面运维组, 应用组): tickets are dispatched to it, its lead is escalated to.</summary>
public sealed class SupportGroup : IVersioned
{
    public const int NameMaxLength = 64;

    public long Id { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public long? LeadAccountId { get; set; }

    public bool Active { get; set; } = true;

    public long Version { get; set; }

    public string Name(bool english) => english ? NameEn : NameZh;
}
