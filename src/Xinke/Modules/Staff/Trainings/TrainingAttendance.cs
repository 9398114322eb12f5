using Xinke.Kernel;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>
/// A person's place in a session (one row per person per session) and, once it is held, their
/// result. The person's department is kept as it was at enrolment, so department-scoped readers
/// see their own people's rows without reaching into the people register.
/// </summary>
public sealed class TrainingAttendance
{
    public const decimal MaxScore = 1000;

    public long Id { get; set; }

    public long SessionId { get; set; }

    public TrainingSession? Session { get; set; }

    public long PersonId { get; set; }

    public long DepartmentId { get; set; }

    public AttendanceResult Result { get; set; }

    public decimal? Score { get; set; }

    public DateOnly? CertificateExpiresOn { get; set; }

    public long? RecordedById { get; set; }

    public DateTime? RecordedAt { get; set; }

    public DateTime EnrolledAt { get; set; }

    /// <summary>
    /// Records the result of a held session. A pass of a certificate kind needs the certificate's
    /// expiry, after the session; any other result carries no certificate.
    /// </summary>
    public Error? Record(TrainingSession session, AttendanceResult result, decimal? score, DateOnly? expiresOn, long? recordedBy, DateTime now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.CheckResultsAllowed(today) is { } early)
        {
            return early;
        }

        if (result == AttendanceResult.Pending || !Enum.IsDefined(result))
        {
            return Error.Invalid(TrainingErrors.InvalidResult, "result");
        }

        if (score is < 0 or > MaxScore)
        {
            return Error.Invalid(TrainingErrors.InvalidScore, "score");
        }

        if (result == AttendanceResult.Passed && session.Kind.RequiresCertificateExpiry() && expiresOn is null)
        {
            return Error.Invalid(TrainingErrors.ExpiryRequired, "certificateExpiresOn");
        }

        if (expiresOn is { } expiry && (result != AttendanceResult.Passed || expiry <= session.HeldOn))
        {
            return Error.Invalid(TrainingErrors.InvalidExpiry, "certificateExpiresOn");
        }

        Result = result;
        Score = result == AttendanceResult.Absent ? null : score;
        CertificateExpiresOn = expiresOn;
        RecordedById = recordedBy;
        RecordedAt = now;
        return null;
    }

    /// <summary>Passed, and the certificate (if any) still valid on <paramref name="day"/>.</summary>
    public bool PassedAsOf(DateOnly day) => Result == AttendanceResult.Passed && (CertificateExpiresOn is null || CertificateExpiresOn >= day);
}
