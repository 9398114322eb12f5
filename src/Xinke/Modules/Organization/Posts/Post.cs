using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Organization.Posts;

/// <summary>
/// A post of the IT department (岗位) with its written responsibilities (ORG-04). A revision
/// replaces the text (the audit keeps every prior one) and stamps <see cref="ResponsibilitiesRevisedAt"/>.
/// </summary>
public sealed class Post : IVersioned
{
    public const int NameMaxLength = 50;
    public const int ResponsibilitiesMaxLength = 4000;

    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Responsibilities { get; set; }

    public DateTime ResponsibilitiesRevisedAt { get; set; }

    public PostStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>Changes name or responsibilities; a post without written responsibilities is refused (ORG-04).</summary>
    public Error? Revise(string? name, string? responsibilities, DateTime now)
    {
        if (Status == PostStatus.Retired)
        {
            return Error.Conflict(PostErrors.Retired, PostErrors.Requirement);
        }

        if (name is not null && !ValidName(name))
        {
            return Error.Invalid(PostErrors.InvalidName, "name");
        }

        if (responsibilities is not null && !ValidResponsibilities(responsibilities))
        {
            return Error.Invalid(PostErrors.InvalidResponsibilities, "responsibilities");
        }

        Name = name?.Trim() ?? Name;
        if (responsibilities is not null && responsibilities.Trim() != Responsibilities)
        {
            Responsibilities = responsibilities.Trim();
            ResponsibilitiesRevisedAt = now;
        }

        return null;
    }

    public Error? Retire()
    {
        if (Status == PostStatus.Retired)
        {
            return Error.Conflict(PostErrors.Retired, PostErrors.Requirement);
        }

        Status = PostStatus.Retired;
        return null;
    }

    public static bool ValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= NameMaxLength;

    public static bool ValidResponsibilities(string? text) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= ResponsibilitiesMaxLength;
}
