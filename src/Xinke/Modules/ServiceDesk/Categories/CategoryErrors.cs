namespace Xinke.Modules.ServiceDesk.Categories;

public static class CategoryErrors
{
    public const string NotFound = "category.not_found";
    public const string InvalidName = "category.invalid_name";
    public const string UnknownParent = "category.unknown_parent";
    public const string TooDeep = "category.too_deep";
    public const string DuplicateName = "category.duplicate_name";
    public const string MovedUnderItself = "category.moved_under_itself";
    public const string ParentInactive = "category.parent_inactive";

    /// <summary>A new ticket (or an edit) names a category the IT director has retired.</summary>
    public const string Inactive = "ticket.category_inactive";
}
