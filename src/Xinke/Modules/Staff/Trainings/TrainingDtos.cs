namespace Xinke.Modules.Staff.Trainings;

public sealed record TrainingSessionDto(
    long Id,
    string Code,
    TrainingKind Kind,
    long? SystemId,
    string Title,
    DateOnly HeldOn,
    decimal Hours,
    string? Place,
    string? Trainer,
    long? OrganisingDepartmentId,
    string? Notes,
    DateTime CreatedAt,
    long Version)
{
    public static TrainingSessionDto From(TrainingSession s) =>
        new(s.Id, s.Code, s.Kind, s.SystemId, s.Title, s.HeldOn, s.Hours, s.Place, s.Trainer, s.OrganisingDepartmentId, s.Notes, s.CreatedAt, s.Version);
}

public sealed record AttendanceDto(
    long Id,
    long SessionId,
    long PersonId,
    long DepartmentId,
    AttendanceResult Result,
    decimal? Score,
    DateOnly? CertificateExpiresOn,
    long? RecordedById,
    DateTime? RecordedAt)
{
    public static AttendanceDto From(TrainingAttendance a) =>
        new(a.Id, a.SessionId, a.PersonId, a.DepartmentId, a.Result, a.Score, a.CertificateExpiresOn, a.RecordedById, a.RecordedAt);
}

/// <summary>One line of a person's training history: the session and how they did.</summary>
public sealed record TrainingHistoryLine(
    long SessionId,
    string Code,
    TrainingKind Kind,
    long? SystemId,
    string Title,
    DateOnly HeldOn,
    AttendanceResult Result,
    decimal? Score,
    DateOnly? CertificateExpiresOn);

/// <summary>A passed training, as other modules read it through <see cref="TrainingRecords"/>.</summary>
public sealed record PassedTraining(long SessionId, string Code, TrainingKind Kind, long? SystemId, string Title, DateOnly HeldOn, DateOnly? CertificateExpiresOn);
