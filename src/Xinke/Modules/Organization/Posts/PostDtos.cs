namespace Xinke.Modules.Organization.Posts;

public sealed record HolderDto(long Id, long PostId, long PersonId, string? PersonName, string? EmployeeNumber, DateOnly From, DateOnly? Until, bool Current);

public sealed record PostDto(long Id, string Name, string Responsibilities, DateTime ResponsibilitiesRevisedAt, PostStatus Status, IReadOnlyList<HolderDto> Holders, DateTime CreatedAt, long Version);

/// <summary>A member of the IT staff (an account holding an IT role) and the posts their person holds today.</summary>
public sealed record ItStaffDto(long AccountId, string DisplayName, long? PersonId, IReadOnlyList<string> Posts);

public sealed record PostInput(string? Name, string? Responsibilities);

public sealed record HolderInput(long? PersonId, DateOnly? From);

public sealed record EndHoldingInput(DateOnly? Until);

/// <summary><c>?status=active|retired</c> for posts.</summary>
public sealed record PostFilter(string? Status = null);
