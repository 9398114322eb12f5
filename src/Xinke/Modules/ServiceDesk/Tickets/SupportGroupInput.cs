namespace Xinke.Modules.ServiceDesk.Tickets;

public sealed record SupportGroupInput(string? NameZh, string? NameEn, long? LeadAccountId);

public sealed record SupportGroupPatch(string? NameZh, string? NameEn, long? LeadAccountId, bool? Active);

public sealed record MemberInput(long? AccountId);

public sealed record SupportGroupMemberDto(long AccountId, string DisplayName);

public sealed record SupportGroupDto(long Id, string NameZh, string NameEn, long? LeadAccountId, bool Active, long Version, IReadOnlyList<SupportGroupMemberDto> Members)
{
    public static SupportGroupDto From(SupportGroup g, IReadOnlyList<SupportGroupMemberDto> members) => new(g.Id, g.NameZh, g.NameEn, g.LeadAccountId, g.Active, g.Version, members);
}
