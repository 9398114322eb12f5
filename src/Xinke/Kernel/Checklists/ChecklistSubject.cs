namespace Xinke.Kernel.Checklists;

/// <summary>
/// What a run checks: a type the calling module names (<c>machine-room</c>, <c>asset</c>,
/// <c>system</c>…), the record's id in that module when there is one, and a label for people.
/// </summary>
public sealed record ChecklistSubject(string Type, long? Id, string Label, long? DepartmentId = null)
{
    public const int TypeMaxLength = 64;
    public const int LabelMaxLength = 200;

    public bool IsValid =>
        !string.IsNullOrWhiteSpace(Type) && Type.Length <= TypeMaxLength
        && !string.IsNullOrWhiteSpace(Label) && Label.Length <= LabelMaxLength;
}

/// <summary>One reading to record: the item, the value (yes/no, a number, a text), a note and a photo.</summary>
public sealed record ReadingInput(long ItemId, string? Value, string? Note = null, long? PhotoAttachmentId = null);

/// <summary>A completed run and the findings its completion raised.</summary>
public sealed record ChecklistCompletion(ChecklistRun Run, ChecklistTemplate Template, IReadOnlyList<Improvements.ImprovementAction> Findings);

/// <summary>
/// Told of every completed run, inside the completing transaction: a module that schedules
/// inspections (obligations, machine rooms, loans, maintenance) marks its duty done here.
/// A refusal returned rolls the completion back.
/// </summary>
public interface IChecklistRunCompleted
{
    Task<Error?> OnCompletedAsync(ChecklistCompletion completion, CancellationToken cancellationToken);
}
