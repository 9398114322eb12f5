using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>
/// One training session of the hospital's single training register (STAFF-01, SEC-05): its kind,
/// the system it teaches (system-use sessions only), when and where it was held, and by whom.
/// Who attended and how they did are <see cref="TrainingAttendance"/> rows.
/// </summary>
public sealed class TrainingSession : IVersioned
{
    public const string CodeKind = "TRN";
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int TrainerMaxLength = 100;
    public const int NotesMaxLength = 2000;
    public const decimal MaxHours = 100;

    public long Id { get; set; }

    public required string Code { get; set; }

    public TrainingKind Kind { get; set; }

    /// <summary>The information system taught; set for system-use sessions and only for them.</summary>
    public long? SystemId { get; set; }

    public required string Title { get; set; }

    /// <summary>The day it was held, in the hospital's calendar; results are recorded from that day on.</summary>
    public DateOnly HeldOn { get; set; }

    public decimal Hours { get; set; }

    public string? Place { get; set; }

    public string? Trainer { get; set; }

    public long? OrganisingDepartmentId { get; set; }

    public string? Notes { get; set; }

    public long? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The system belongs to system-use sessions only: a security course is not about one system.</summary>
    public static Error? CheckSystem(TrainingKind kind, long? systemId) =>
        kind == TrainingKind.SystemUse && systemId is null ? Error.Invalid(TrainingErrors.SystemRequired, "systemId")
        : kind != TrainingKind.SystemUse && systemId is not null ? Error.Invalid(TrainingErrors.SystemNotAllowed, "systemId")
        : null;

    public static Error? CheckTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) || title.Length > TitleMaxLength ? Error.Invalid(TrainingErrors.InvalidTitle, "title") : null;

    public static Error? CheckHours(decimal? hours) =>
        hours is not { } h || h <= 0 || h > MaxHours ? Error.Invalid(TrainingErrors.InvalidHours, "hours") : null;

    public static Error? CheckText(string? text, int maxLength, string field) =>
        text?.Length > maxLength ? Error.Invalid(TrainingErrors.InvalidText, field) : null;

    /// <summary>Results exist only once the session has been held (STAFF-01): not before its day.</summary>
    public Error? CheckResultsAllowed(DateOnly today) =>
        today < HeldOn ? Error.Conflict(TrainingErrors.ResultsBeforeSession, TrainingErrors.Requirement) : null;
}
