using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Staff.Agreements;

/// <summary>
/// The confidentiality agreement's use cases: publishing versions (never overwriting one), a
/// person accepting the current one on screen, and recording a signed paper copy by its scan.
/// </summary>
public sealed class AgreementService(
    XinkeDb db,
    TimeProvider clock,
    HospitalClock hospital,
    CurrentCaller current,
    DepartmentScope scope,
    StaffScope staffScope,
    PeopleDirectory people,
    AgreementRecords records)
{
    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public IQueryable<AgreementVersion> Versions() => db.Set<AgreementVersion>().AsNoTracking();

    public Task<AgreementVersion?> CurrentAsync(CancellationToken cancellationToken) => records.CurrentAsync(AgreementKind.Confidentiality, cancellationToken);

    /// <summary>Acceptances the caller may read: their department scope's people only.</summary>
    public async Task<IQueryable<AgreementAcceptance>> VisibleAcceptancesAsync(CancellationToken cancellationToken) =>
        await scope.ApplyAsync(db.Set<AgreementAcceptance>().AsNoTracking(), StaffPermissions.AgreementsRead, a => a.DepartmentId, cancellationToken);

    /// <summary>
    /// Publishes the next version. It becomes current on its effective day; earlier versions stay
    /// as they were, and acceptances of them no longer count once it is current (ACC-01).
    /// Department-scoped writers (a liaison) record scans but do not publish.
    /// </summary>
    public async Task<Result<AgreementVersion>> PublishAsync(VersionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await scope.DepartmentsAsync(StaffPermissions.AgreementsWrite, cancellationToken) is not null)
        {
            return Error.Forbidden("request.forbidden");
        }

        if (AgreementVersion.Check(input.Title, input.Body) is { } invalid)
        {
            return invalid;
        }

        var effective = input.EffectiveFrom ?? Today;
        if (effective < Today)
        {
            return Error.Invalid(AgreementErrors.InvalidEffectiveFrom, "effectiveFrom");
        }

        var caller = await current.GetAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var last = await db.Set<AgreementVersion>().Where(v => v.Kind == AgreementKind.Confidentiality).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
            var version = new AgreementVersion
            {
                Kind = AgreementKind.Confidentiality,
                Number = last + 1,
                Title = input.Title!.Trim(),
                Body = input.Body!.Trim(),
                EffectiveFrom = effective,
                PublishedAt = clock.GetUtcNow().UtcDateTime,
                PublishedById = caller?.Id,
            };
            db.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AgreementVersion>.Success(version);
        }, cancellationToken);
    }

    /// <summary>The signed-in account's person's acceptance of a version, if any.</summary>
    public async Task<AgreementAcceptance?> MyAcceptanceOfAsync(long versionId, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var person = caller is null ? null : await people.FindByAccountAsync(caller.Id, cancellationToken);
        return person is null
            ? null
            : await db.Set<AgreementAcceptance>().AsNoTracking().FirstOrDefaultAsync(a => a.PersonId == person.Id && a.VersionId == versionId, cancellationToken);
    }

    /// <summary>The signed-in person accepts the current version on screen; time, version and address are kept.</summary>
    public async Task<Result<AgreementAcceptance>> AcceptCurrentAsync(string? address, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var person = await people.FindByAccountAsync(caller.Id, cancellationToken);
        if (person is null)
        {
            return Error.Conflict(AgreementErrors.NoPerson, AgreementErrors.Requirement);
        }

        var version = await CurrentAsync(cancellationToken);
        if (version is null)
        {
            return Error.Conflict(AgreementErrors.NoCurrentVersion, AgreementErrors.Requirement);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await AddAsync(person, version, AcceptanceMethod.Electronic, now, Truncated(address), null, caller.Id, cancellationToken);
    }

    /// <summary>
    /// Records a paper agreement signed by a person of the writer's scope: the scan must already be
    /// an attachment of that person (owner type <see cref="AgreementScanAttachments.OwnerType"/>),
    /// a PDF or an image, not voided.
    /// </summary>
    public async Task<Result<AgreementAcceptance>> RecordScanAsync(ScanInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.PersonId is not { } personId || await staffScope.ReachablePersonAsync(personId, StaffPermissions.AgreementsWrite, cancellationToken) is not { } person)
        {
            return Error.Invalid(AgreementErrors.UnknownPerson, "personId");
        }

        var version = input.VersionId is { } versionId ? await Versions().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken) : null;
        if (version is null)
        {
            return Error.Invalid(AgreementErrors.UnknownVersion, "versionId");
        }

        var scan = input.AttachmentId is { } attachmentId
            ? await db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
            : null;
        if (scan is null || scan.OwnerType != AgreementScanAttachments.OwnerType || scan.OwnerId != person.Id || scan.IsVoided || !IsScan(scan.ContentType))
        {
            return Error.Invalid(AgreementErrors.InvalidScan, "attachmentId");
        }

        if (input.SignedOn is not { } signedOn || signedOn > Today)
        {
            return Error.Invalid(AgreementErrors.InvalidSignedOn, "signedOn");
        }

        var caller = await current.GetAsync(cancellationToken);
        return await AddAsync(person, version, AcceptanceMethod.SignedScan, hospital.StartOfDayUtc(signedOn), null, scan.Id, caller?.Id, cancellationToken);
    }

    private async Task<Result<AgreementAcceptance>> AddAsync(PersonSummary person, AgreementVersion version, AcceptanceMethod method, DateTime acceptedAt, string? address, long? attachmentId, long? recordedBy, CancellationToken cancellationToken)
    {
        if (await db.Set<AgreementAcceptance>().AnyAsync(a => a.PersonId == person.Id && a.VersionId == version.Id, cancellationToken))
        {
            return Error.Conflict(AgreementErrors.AlreadyAccepted, AgreementErrors.Requirement, version.Number);
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var acceptance = new AgreementAcceptance
            {
                PersonId = person.Id,
                DepartmentId = person.DepartmentId,
                VersionId = version.Id,
                Method = method,
                AcceptedAt = acceptedAt,
                Address = address,
                AttachmentId = attachmentId,
                RecordedById = recordedBy,
                RecordedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Add(acceptance);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AgreementAcceptance>.Success(acceptance);
        }, cancellationToken);
    }

    private static bool IsScan(string contentType) =>
        contentType == "application/pdf" || contentType.StartsWith("image/", StringComparison.Ordinal);

    private static string? Truncated(string? address) =>
        address is { Length: > AgreementAcceptance.AddressMaxLength } ? address[..AgreementAcceptance.AddressMaxLength] : address;
}
