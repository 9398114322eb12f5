using Xinke.Data;

namespace Xinke.Modules.ServiceDesk.Categories;

/// <summary>
/// A node of the category tree (硬件/打印机/卡纸). <see cref="Path"/> holds the ids from the root down,
/// "/1/5/", so a subtree is one prefix query.
/// </summary>
public sealed class TicketCategory : IVersioned
{
    public const int NameMaxLength = 64;
    public const int PathMaxLength = 200;

    public long Id { get; set; }

    public long? ParentId { get; set; }

    public string Path { get; set; } = "/";

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;

    public long Version { get; set; }

    public string Name(bool english) => english ? NameEn : NameZh;
}
