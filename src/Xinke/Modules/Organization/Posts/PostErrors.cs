namespace Xinke.Modules.Organization.Posts;

public static class PostErrors
{
    public const string NotFound = "post.not_found";
    public const string HolderNotFound = "post.holder_not_found";
    public const string InvalidName = "post.invalid_name";
    public const string DuplicateName = "post.duplicate_name";
    public const string InvalidResponsibilities = "post.invalid_responsibilities";
    public const string Retired = "post.retired";
    public const string HasHolders = "post.has_holders";
    public const string UnknownPerson = "post.unknown_person";
    public const string AlreadyHeld = "post.already_held";
    public const string HoldingEnded = "post.holding_ended";
    public const string InvalidDates = "post.invalid_dates";
    public const string InvalidStatus = "post.invalid_status";

    /// <summary>IT posts have written responsibilities and every IT staff member holds one (ORG-04).</summary>
    public const string Requirement = "ORG-04";
}
