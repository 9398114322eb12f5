using System.Text.RegularExpressions;
using Xinke.Data;

namespace Xinke.Kernel.Checklists;

/// <summary>
/// A checklist template: what is checked, for what purpose, and who owns the findings. Its
/// items live in revisions; every change of items makes a new revision and runs keep the
/// revision they started on, so a revision is never changed once it exists (simpler and
/// safer than refusing edits once a run used it).
/// </summary>
public sealed partial class ChecklistTemplate : IVersioned
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MaxItems = 200;
    public const int DefaultFindingDueDays = 7;

    public long Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public ChecklistKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>The revision new runs use; 1 for a new template.</summary>
    public int Revision { get; set; }

    /// <summary>Who owns the findings of this template's runs; null: the person who performed the run.</summary>
    public long? FindingOwnerId { get; set; }

    /// <summary>Days (in the hospital's calendar) a finding has to be dealt with.</summary>
    public int FindingDueDays { get; set; } = DefaultFindingDueDays;

    /// <summary>A retired template starts no runs; templates are never deleted, runs refer to them.</summary>
    public bool Retired { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public static bool ValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static bool ValidName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Length <= NameMaxLength;

    public static bool ValidDueDays(int days) => days is >= 1 and <= 366;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();
}

/// <summary>One immutable set of items of a template.</summary>
public sealed class ChecklistTemplateRevision
{
    public long Id { get; set; }

    public long TemplateId { get; set; }

    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? CreatedById { get; set; }

    public List<ChecklistItem> Items { get; set; } = [];
}
