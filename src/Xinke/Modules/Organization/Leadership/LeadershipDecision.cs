using Xinke.Data;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// A decision of a meeting: what was decided, who carries it out by when. Recording it raises
/// an improvement action for its owner, whose status tells whether the decision was followed
/// to completion; the decision itself never changes.
/// </summary>
public sealed class LeadershipDecision : IVersioned
{
    public const int TextMaxLength = 2000;

    public long Id { get; set; }

    public long MeetingId { get; set; }

    public required string Text { get; set; }

    public long OwnerId { get; set; }

    /// <summary>A day in the hospital's calendar.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>The improvement action that follows the decision up.</summary>
    public long? ImprovementActionId { get; set; }

    public long? RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }

    public long Version { get; set; }

    public static bool ValidText(string? text) => !string.IsNullOrWhiteSpace(text) && text.Trim().Length <= TextMaxLength;
}
