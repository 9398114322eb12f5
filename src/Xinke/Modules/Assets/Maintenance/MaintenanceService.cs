using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>A check a change of a plan must pass first, such as If-Match.</summary>
public delegate Error? PlanPrecondition(MaintenancePlan plan);

/// <summary>
/// Maintenance (EQ-04), one transaction per use case. A plan is stored with the kernel obligation
/// it is (made and edited through <see cref="ObligationService"/>); a record is one checklist run
/// covering the assets maintained, reported to that obligation as evidence, with a Maintenance
/// event on each asset's timeline.
/// </summary>
public sealed class MaintenanceService(
    XinkeDb db,
    AssetRegister register,
    AssetHistory history,
    ObligationService obligations,
    ObligationRecords evidence,
    ChecklistService checklists,
    HumanCodes codes,
    CurrentCaller current,
    TimeProvider clock)
{
    /// <summary>Plans for a type are read by every asset reader; a plan for one asset by those who reach the asset.</summary>
    public async Task<IQueryable<MaintenancePlan>> VisiblePlansAsync(CancellationToken cancellationToken)
    {
        var assets = await register.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        return db.Set<MaintenancePlan>().AsNoTracking().Where(p => p.AssetId == null || assets.Any(a => a.Id == p.AssetId));
    }

    /// <summary>Records covering at least one asset the caller reaches.</summary>
    public async Task<IQueryable<MaintenanceRecord>> VisibleRecordsAsync(CancellationToken cancellationToken)
    {
        var assets = await register.VisibleAsync(AssetsPermissions.Read, cancellationToken);
        return db.Set<MaintenanceRecord>().AsNoTracking().Include(r => r.Assets).Where(r => r.Assets.Any(c => assets.Any(a => a.Id == c.AssetId)));
    }

    /// <summary>The plans with their obligations' schedule, owner and grace, in the order given.</summary>
    public async Task<IReadOnlyList<MaintenancePlanDto>> DtosAsync(IReadOnlyList<MaintenancePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var obligationIds = plans.Select(p => p.ObligationId).Distinct().ToList();
        var templateIds = plans.Select(p => p.ChecklistTemplateId).Distinct().ToList();
        var duties = await db.Set<Obligation>().AsNoTracking().Where(o => obligationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var templates = await db.Set<ChecklistTemplate>().AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        return [.. plans.Select(p => MaintenancePlanDto.From(p, duties[p.ObligationId], templates[p.ChecklistTemplateId]))];
    }

    public async Task<Result<MaintenancePlan>> CreatePlanAsync(MaintenancePlanInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await current.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new MaintenancePlan { Title = string.Empty, CreatedAt = now, UpdatedAt = now, CreatedById = caller?.Id };
        if (await ApplyAsync(plan, input, creating: true, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            // The obligation is made first so the plan can name it; its evidence subject, the plan's id, follows.
            var duty = await obligations.CreateAsync(ObligationOf(plan, input), cancellationToken);
            if (!duty.Succeeded)
            {
                return duty.Error!;
            }

            plan.ObligationId = duty.Value!.Id;
            db.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            duty.Value.EvidenceSubjectId = plan.Id.ToString(CultureInfo.InvariantCulture);
            await db.SaveChangesAsync(cancellationToken);
            return Result<MaintenancePlan>.Success(plan);
        }, cancellationToken);
    }

    /// <summary>Changes the fields given; schedule, owner, grace and the active flag are changed on the obligation.</summary>
    public async Task<Result<MaintenancePlan>> EditPlanAsync(long id, MaintenancePlanInput input, PlanPrecondition? precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await (await VisiblePlansAsync(cancellationToken)).AsTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound(MaintenanceErrors.NotFound);
        }

        if (precondition?.Invoke(plan) is { } failed)
        {
            return failed;
        }

        if (await ApplyAsync(plan, input, creating: false, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var duty = await db.Set<Obligation>().SingleAsync(o => o.Id == plan.ObligationId, cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var change = new ObligationInput(
                input.Title is null ? null : plan.Title, null, input.ScheduleKind, input.Schedule, input.OwnerKind, input.Owner, input.GraceHours,
                null, null, null, null, input.Active, input.EffectiveFrom);
            if (await obligations.EditAsync(duty, change, cancellationToken) is { } refused)
            {
                return refused;
            }

            plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return Result<MaintenancePlan>.Success(plan);
        }, cancellationToken);
    }

    /// <summary>
    /// Records one maintenance under the plan: every asset must be one the plan covers (else 409
    /// naming EQ-04), a failed result needs notes. The checklist run is started, answered and
    /// completed (readings out of line become findings), the record reported to the plan's obligation.
    /// </summary>
    public async Task<Result<MaintenanceRecord>> RecordAsync(long planId, MaintenanceRecordInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await (await VisiblePlansAsync(cancellationToken)).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return Error.NotFound(MaintenanceErrors.NotFound);
        }

        var ids = input.AssetIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0 || ids.Count > MaintenanceRecord.MaxAssets)
        {
            return Error.Invalid(MaintenanceErrors.InvalidAssets, "assetIds", MaintenanceRecord.MaxAssets);
        }

        if (MaintenanceRecordDto.ParseResult(input.Result) is not { } result)
        {
            return Error.Invalid(MaintenanceErrors.InvalidResult, "result");
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (result == MaintenanceResult.Failed && notes is null)
        {
            return new Error(MaintenanceErrors.NotesRequired, ErrorKind.Invalid, "notes", MaintenanceErrors.Requirement);
        }

        if (notes?.Length > MaintenanceRecord.NotesMaxLength)
        {
            return Error.Invalid(MaintenanceErrors.InvalidNotes, "notes", MaintenanceRecord.NotesMaxLength);
        }

        var assets = new List<Asset>(ids.Count);
        foreach (var assetId in ids)
        {
            var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Maintain, cancellationToken);
            if (!loaded.Succeeded)
            {
                return Error.Invalid(MaintenanceErrors.InvalidAssets, "assetIds", MaintenanceRecord.MaxAssets);
            }

            if (!plan.Covers(loaded.Value!.Id, loaded.Value.TypeId) || loaded.Value.IsScrapped)
            {
                return Error.Conflict(MaintenanceErrors.AssetNotCovered, MaintenanceErrors.Requirement, loaded.Value.Tag);
            }

            assets.Add(loaded.Value);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A maintenance record needs a signed-in caller.");
        var templateCode = await db.Set<ChecklistTemplate>().AsNoTracking().Where(t => t.Id == plan.ChecklistTemplateId).Select(t => t.Code).SingleAsync(cancellationToken);
        var departments = assets.Select(a => a.OwningDepartmentId).Distinct().ToList();
        var subject = new ChecklistSubject(MaintenancePlan.SubjectType, plan.Id, Cut(plan.Title, ChecklistSubject.LabelMaxLength), departments.Count == 1 ? departments[0] : null);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var run = await checklists.StartRunAsync(templateCode, subject, assets.Count == 1 ? Cut(assets[0].Location.Text, ChecklistRun.LocationMaxLength) : null, cancellationToken);
            if (!run.Succeeded)
            {
                return run.Error!;
            }

            if (input.Answers is { Count: > 0 } answers && await checklists.RecordReadingsAsync(run.Value!.Id, answers, cancellationToken) is { Succeeded: false } unread)
            {
                return unread.Error!;
            }

            var completed = await checklists.CompleteAsync(run.Value!.Id, cancellationToken);
            if (!completed.Succeeded)
            {
                return completed.Error!;
            }

            var record = new MaintenanceRecord
            {
                Code = await codes.NextAsync(MaintenanceRecord.CodeKind, cancellationToken),
                PlanId = plan.Id,
                ChecklistRunId = run.Value.Id,
                Result = result,
                Notes = notes,
                PerformedAt = clock.GetUtcNow().UtcDateTime,
                PerformedById = caller.Id,
                Assets = [.. assets.Select(a => new MaintenanceRecordAsset { AssetId = a.Id })],
            };
            db.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            var text = $"维护：{plan.Title}（{record.Code}，结果 {MaintenanceRecordDto.Wire(result)}）" + (notes is null ? string.Empty : $"；{notes}");
            foreach (var asset in assets)
            {
                history.Record(asset.Id, AssetEventKind.Maintenance, text, caller.Id, "maintenance", record.Id);
            }

            await evidence.ReportAsync(new ObligationEvidence(MaintenancePlan.EvidenceKind, MaintenancePlan.SubjectType, plan.Id.ToString(CultureInfo.InvariantCulture), record.PerformedAt, caller.Id, record.Code), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<MaintenanceRecord>.Success(record);
        }, cancellationToken);
    }

    private static ObligationInput ObligationOf(MaintenancePlan plan, MaintenancePlanInput input) => new(
        plan.Title, [MaintenanceErrors.Requirement], input.ScheduleKind, input.Schedule, input.OwnerKind, input.Owner, input.GraceHours,
        MaintenancePlan.EvidenceKind, MaintenancePlan.SubjectType, null, false, input.Active, input.EffectiveFrom);

    private async Task<Error?> ApplyAsync(MaintenancePlan plan, MaintenancePlanInput input, bool creating, CancellationToken cancellationToken)
    {
        var title = input.Title?.Trim() ?? (creating ? null : plan.Title);
        if (string.IsNullOrWhiteSpace(title) || title.Length > MaintenancePlan.TitleMaxLength)
        {
            return Error.Invalid(MaintenanceErrors.InvalidTitle, "title", MaintenancePlan.TitleMaxLength);
        }

        if (creating || input.AssetTypeId is not null || input.AssetId is not null)
        {
            if ((input.AssetTypeId is null) == (input.AssetId is null))
            {
                return Error.Invalid(MaintenanceErrors.InvalidCoverage, "assetTypeId");
            }

            if (input.AssetTypeId is { } typeId && await register.TypeAsync(typeId, cancellationToken) is null)
            {
                return Error.Invalid(MaintenanceErrors.InvalidCoverage, "assetTypeId");
            }

            if (input.AssetId is { } assetId && !(await register.LoadForChangeAsync(assetId, AssetsPermissions.Maintain, cancellationToken)).Succeeded)
            {
                return Error.Invalid(MaintenanceErrors.InvalidCoverage, "assetId");
            }

            plan.AssetTypeId = input.AssetTypeId;
            plan.AssetId = input.AssetId;
        }

        if (creating || input.ChecklistTemplateCode is not null)
        {
            var code = input.ChecklistTemplateCode?.Trim();
            var template = await db.Set<ChecklistTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Code == code && !t.Retired, cancellationToken);
            if (template is null)
            {
                return Error.Invalid(MaintenanceErrors.UnknownTemplate, "checklistTemplateCode");
            }

            plan.ChecklistTemplateId = template.Id;
        }

        plan.Title = title;
        return null;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
