using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>
/// The training register's public face for other modules (the one register of the product: no
/// module keeps its own). Read-only, unscoped: callers apply their own rules.
/// </summary>
public sealed class TrainingRecords(XinkeDb db)
{
    /// <summary>
    /// Whether the person passed a session of <paramref name="kind"/> (about <paramref name="systemId"/>
    /// when given) held on or before <paramref name="asOf"/>, with its certificate, if any, still valid then.
    /// </summary>
    public Task<bool> HasPassedAsync(long personId, TrainingKind kind, long? systemId, DateOnly asOf, CancellationToken cancellationToken) =>
        Passes(personId, asOf).AnyAsync(a => a.Session!.Kind == kind && (systemId == null || a.Session.SystemId == systemId), cancellationToken);

    /// <summary>Every training the person passed, newest first (expired certificates included).</summary>
    public async Task<IReadOnlyList<PassedTraining>> PassedAsync(long personId, CancellationToken cancellationToken) =>
        await db.Set<TrainingAttendance>().AsNoTracking()
            .Where(a => a.PersonId == personId && a.Result == AttendanceResult.Passed)
            .OrderByDescending(a => a.Session!.HeldOn).ThenByDescending(a => a.Id)
            .Select(a => new PassedTraining(a.SessionId, a.Session!.Code, a.Session.Kind, a.Session.SystemId, a.Session.Title, a.Session.HeldOn, a.CertificateExpiresOn))
            .ToListAsync(cancellationToken);

    /// <summary>Passed attendance rows of the person, of sessions held by <paramref name="asOf"/> and certificates valid then.</summary>
    internal IQueryable<TrainingAttendance> Passes(long personId, DateOnly asOf) =>
        db.Set<TrainingAttendance>().AsNoTracking().Where(a =>
            a.PersonId == personId
            && a.Result == AttendanceResult.Passed
            && a.Session!.HeldOn <= asOf
            && (a.CertificateExpiresOn == null || a.CertificateExpiresOn >= asOf));
}
