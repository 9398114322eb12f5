using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Evidence.Inspections;

/// <summary>A change an API or page asks for, and the precondition (such as If-Match) it must pass first.</summary>
public delegate Error? SelfInspectionPrecondition(SelfInspection inspection);

/// <summary>The obligation period an inspection closed, and its review.</summary>
public sealed record InspectionReview(long PeriodId, DateTime PeriodStart, bool ReviewRequired, long? ReviewerAccountId, DateTime? ReviewedAt);

/// <summary>
/// The self-inspections' use cases. They look at the whole hospital's compliance view, so only a
/// reader whose compliance view is the whole hospital sees them (a department-scoped reader: 404).
/// Recording one freezes the view's statuses, needs its material attached, and reports the monthly
/// duty; the review by another reader is the kernel's obligation review, which refuses the inspector.
/// </summary>
public sealed class SelfInspections(
    XinkeDb db, DepartmentScope scope, CurrentCaller current, HumanCodes codes, ComplianceReports reports, ObligationRecords obligations,
    ObligationService obligationService, ImprovementActions improvements, HospitalClock hospital, TimeProvider clock)
{
    public const string ImprovementModule = "compliance";
    public const string ImprovementEntity = "inspection";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The inspections the caller may see: all of them for a hospital-wide reader, none otherwise.</summary>
    public async Task<IQueryable<SelfInspection>> VisibleAsync(CancellationToken cancellationToken)
    {
        var inspections = db.Set<SelfInspection>().AsNoTracking();
        return await scope.DepartmentsAsync(EvidencePermissions.Read, cancellationToken) is null ? inspections : inspections.Where(_ => false);
    }

    public async Task<SelfInspection?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<Result<SelfInspection>> CreateAsync(SelfInspectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } invalid)
        {
            return invalid;
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A self-inspection is written by a signed-in inspector.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = new SelfInspection
        {
            Code = await codes.NextAsync(SelfInspection.CodeKind, cancellationToken),
            PeriodFrom = input.PeriodFrom!.Value,
            PeriodTo = input.PeriodTo!.Value,
            Comments = input.Comments!.Trim(),
            InspectorAccountId = caller.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inspection;
    }

    /// <summary>
    /// Records the inspection: the view's statuses for its period as they stand now are stored, and
    /// the monthly duty is reported in the same transaction. Refused without a kept file (SEC-03).
    /// </summary>
    public async Task<Result<SelfInspection>> RecordAsync(long id, SelfInspectionPrecondition precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        if (await FindAsync(id, cancellationToken) is null)
        {
            return Error.NotFound(SelfInspectionErrors.NotFound);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A self-inspection is recorded by a signed-in inspector.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inspection = await db.Set<SelfInspection>().SingleAsync(i => i.Id == id, cancellationToken);
        if (precondition(inspection) is { } failed)
        {
            return failed;
        }

        var seen = await reports.BuildAsync(null, inspection.PeriodFrom, inspection.PeriodTo, null, cancellationToken);
        if (!seen.Succeeded)
        {
            return seen.Error!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (inspection.Record(seen.Value!, await HasAttachmentAsync(id, cancellationToken), now) is { } refused)
        {
            return refused;
        }

        inspection.InspectorAccountId = caller.Id;
        await db.SaveChangesAsync(cancellationToken);
        await obligations.ReportAsync(new ObligationEvidence(SelfInspectionObligations.EvidenceKind, null, null, new DateTimeOffset(now), caller.Id, inspection.Code), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inspection;
    }

    /// <summary>Raises a follow-up action in the improvement register, linked back to the inspection.</summary>
    public async Task<Result<ImprovementAction>> FollowUpAsync(long id, SelfInspectionFollowUpInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await FindAsync(id, cancellationToken) is not { } inspection)
        {
            return Error.NotFound(SelfInspectionErrors.NotFound);
        }

        if (input.OwnerAccountId is not { } owner)
        {
            return Error.Invalid(ImprovementErrors.UnknownOwner, "ownerAccountId");
        }

        if (input.DueDate is not { } due)
        {
            return Error.Invalid(ImprovementErrors.InvalidDueDate, "dueDate");
        }

        var source = new ImprovementSource(ImprovementSourceKind.Review, ImprovementModule, ImprovementEntity, inspection.Id, inspection.Code);
        return await improvements.RaiseAsync(source, input.Description, owner, due, cancellationToken);
    }

    /// <summary>The follow-up actions raised from an inspection.</summary>
    public Task<List<ImprovementAction>> FollowUpsAsync(long id, CancellationToken cancellationToken) =>
        db.Set<ImprovementAction>().AsNoTracking()
            .Where(a => a.SourceModule == ImprovementModule && a.SourceEntity == ImprovementEntity && a.SourceId == id)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The monthly period the inspection closed, if one was open when it was recorded.</summary>
    public async Task<InspectionReview?> ReviewOfAsync(SelfInspection inspection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        var period = await ClosedPeriodAsync(inspection, cancellationToken);
        return period is null ? null : new InspectionReview(period.Id, period.Start, period.ReviewRequired, period.ReviewerAccountId, period.ReviewedAt);
    }

    /// <summary>
    /// The review of the month the inspection closed, by a hospital-wide reader of the compliance
    /// view; the kernel refuses the inspector (409 <c>obligation.self_review</c>).
    /// </summary>
    public async Task<Result<SelfInspection>> ReviewAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } inspection)
        {
            return Error.NotFound(SelfInspectionErrors.NotFound);
        }

        if (!inspection.IsRecorded)
        {
            return Error.Conflict(SelfInspectionErrors.NotRecorded, SelfInspectionErrors.Requirement);
        }

        if (await ClosedPeriodAsync(inspection, cancellationToken) is not { } period)
        {
            return Error.Conflict(SelfInspectionErrors.NoPeriodToReview, SelfInspectionErrors.Requirement);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A review is made by a signed-in reader.");
        var reviewed = await obligationService.ReviewAsync(period.Id, caller, cancellationToken);
        return reviewed.Succeeded ? inspection : reviewed.Error!;
    }

    public Task<bool> HasAttachmentAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Attachment>().AnyAsync(a => a.OwnerType == SelfInspection.OwnerType && a.OwnerId == id && a.VoidedAt == null, cancellationToken);

    private Task<ObligationPeriod?> ClosedPeriodAsync(SelfInspection inspection, CancellationToken cancellationToken)
    {
        var records = db.Set<ObligationRecord>().Where(r => r.Kind == SelfInspectionObligations.EvidenceKind && r.SourceRef == inspection.Code).Select(r => (long?)r.Id);
        return db.Set<ObligationPeriod>().AsNoTracking().Where(p => records.Contains(p.ClosingRecordId)).OrderBy(p => p.Start).FirstOrDefaultAsync(cancellationToken);
    }

    private Error? Validate(SelfInspectionInput input)
    {
        if (input.PeriodFrom is not { } from || input.PeriodTo is not { } to)
        {
            return Error.Invalid(SelfInspectionErrors.PeriodRequired, input.PeriodFrom is null ? "periodFrom" : "periodTo");
        }

        if (to < from)
        {
            return Error.Invalid(SelfInspectionErrors.PeriodReversed, "periodTo");
        }

        if (from > Today)
        {
            return Error.Invalid(SelfInspectionErrors.PeriodInFuture, "periodFrom");
        }

        return string.IsNullOrWhiteSpace(input.Comments) || input.Comments.Trim().Length > SelfInspection.CommentsMaxLength
            ? Error.Invalid(SelfInspectionErrors.CommentsRequired, "comments", SelfInspection.CommentsMaxLength)
            : null;
    }
}
