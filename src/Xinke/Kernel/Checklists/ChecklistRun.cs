using Xinke.Data;

namespace Xinke.Kernel.Checklists;

/// <summary>
/// One performance of a checklist on a subject (a machine room, an asset, a system): who,
/// when, where, and the readings. Completing it judges the readings; those out of line
/// become findings in the improvement register.
/// </summary>
public sealed class ChecklistRun : IVersioned
{
    public const string CodeKind = "CHK";
    public const int LocationMaxLength = 200;

    public long Id { get; set; }

    public required string Code { get; set; }

    public long TemplateId { get; set; }

    public long RevisionId { get; set; }

    public required string SubjectType { get; set; }

    public long? SubjectId { get; set; }

    public required string SubjectLabel { get; set; }

    /// <summary>The department the subject belongs to, for department scoping; null for the whole hospital.</summary>
    public long? DepartmentId { get; set; }

    public string? Location { get; set; }

    public long PerformedById { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public ChecklistRunState State { get; set; }

    public long Version { get; set; }

    public List<ChecklistReading> Readings { get; set; } = [];

    /// <summary>
    /// Refuses completion while a required item is unread or a photo-required item has no photo;
    /// otherwise marks the run completed. The readings' judgements were made when recorded.
    /// </summary>
    public Error? Complete(IReadOnlyList<ChecklistItem> items, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (State != ChecklistRunState.InProgress)
        {
            return Error.Conflict(ChecklistErrors.NotInProgress);
        }

        var read = Readings.ToDictionary(r => r.ItemId);
        if (items.FirstOrDefault(i => i.Required && !read.ContainsKey(i.Id)) is { } missing)
        {
            return Error.Conflict(ChecklistErrors.ItemMissing, ChecklistErrors.Requirement, missing.Label);
        }

        if (items.FirstOrDefault(i => i.PhotoRequired && read.TryGetValue(i.Id, out var r) && r.PhotoAttachmentId is null) is { } photoless)
        {
            return Error.Conflict(ChecklistErrors.PhotoRequired, ChecklistErrors.Requirement, photoless.Label);
        }

        State = ChecklistRunState.Completed;
        CompletedAt = now;
        return null;
    }
}

/// <summary>The reading of one item in a run; <see cref="Ok"/> is the item's judgement, never the reader's.</summary>
public sealed class ChecklistReading
{
    public const int NoteMaxLength = 1000;

    public long Id { get; set; }

    public long RunId { get; set; }

    public long ItemId { get; set; }

    public string? Value { get; set; }

    public bool Ok { get; set; }

    public string? Note { get; set; }

    /// <summary>The photo's attachment id; the file store that owns it checks it exists.</summary>
    public long? PhotoAttachmentId { get; set; }

    public long RecordedById { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The improvement action raised for this reading when the run completed out of line.</summary>
    public long? FindingId { get; set; }
}
