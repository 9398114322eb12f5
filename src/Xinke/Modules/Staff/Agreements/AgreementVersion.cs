using Xinke.Kernel;

namespace Xinke.Modules.Staff.Agreements;

/// <summary>
/// One version of an agreement's text. Versions are never edited once published: a new text is
/// a new version, and the newest published one in effect is the current one that people must accept.
/// </summary>
public sealed class AgreementVersion
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20000;

    public long Id { get; set; }

    public AgreementKind Kind { get; set; }

    /// <summary>1, 2, 3 … per kind.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>The day, in the hospital's calendar, from which it replaces the previous version.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public DateTime PublishedAt { get; set; }

    public long? PublishedById { get; set; }

    public static Error? Check(string? title, string? body) =>
        string.IsNullOrWhiteSpace(title) || title.Length > TitleMaxLength ? Error.Invalid(AgreementErrors.InvalidTitle, "title")
        : string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength ? Error.Invalid(AgreementErrors.InvalidBody, "body")
        : null;
}
