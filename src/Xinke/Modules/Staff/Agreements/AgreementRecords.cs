using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Staff.Agreements;

/// <summary>The agreements' public face for other modules: which version is current and who accepted it.</summary>
public sealed class AgreementRecords(XinkeDb db, TimeProvider clock, HospitalClock hospital)
{
    /// <summary>
    /// The version people must accept today: the highest-numbered published version already in
    /// effect. Null before any version is in effect.
    /// </summary>
    public Task<AgreementVersion?> CurrentAsync(AgreementKind kind, CancellationToken cancellationToken)
    {
        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        return db.Set<AgreementVersion>().AsNoTracking()
            .Where(v => v.Kind == kind && v.EffectiveFrom <= today)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether the person accepted the current confidentiality agreement (on screen or by a signed scan).</summary>
    public async Task<bool> HasAcceptedCurrentAsync(long personId, CancellationToken cancellationToken) =>
        await AcceptanceOfCurrentAsync(personId, cancellationToken) is not null;

    /// <summary>The person's acceptance of the current confidentiality agreement, if any.</summary>
    public async Task<AgreementAcceptance?> AcceptanceOfCurrentAsync(long personId, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(AgreementKind.Confidentiality, cancellationToken);
        return current is null
            ? null
            : await db.Set<AgreementAcceptance>().AsNoTracking().FirstOrDefaultAsync(a => a.PersonId == personId && a.VersionId == current.Id, cancellationToken);
    }
}
