namespace Xinke.Modules.ServiceDesk.Categories;

public sealed record CategoryInput(long? ParentId, string? NameZh, string? NameEn, int? SortOrder);

/// <summary>A rename and/or a move: <see cref="MoveToRoot"/> moves to the top level, <see cref="ParentId"/> under another node.</summary>
public sealed record CategoryPatch(string? NameZh, string? NameEn, long? ParentId, bool? MoveToRoot, int? SortOrder);

/// <summary>One node of the tree, in display order, with its depth (0 for a top-level category).</summary>
public sealed record CategoryNodeDto(long Id, long? ParentId, int Depth, string NameZh, string NameEn, int SortOrder, bool Active, long Version)
{
    public static CategoryNodeDto From(TicketCategory c) =>
        new(c.Id, c.ParentId, c.Path.Count(ch => ch == '/') - 2, c.NameZh, c.NameEn, c.SortOrder, c.Active, c.Version);
}
