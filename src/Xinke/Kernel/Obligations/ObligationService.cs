using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Obligations;

public sealed record ObligationInput(
    string? Title,
    IReadOnlyList<string>? RequirementIds,
    ScheduleKind? ScheduleKind,
    string? Schedule,
    OwnerKind? OwnerKind,
    string? Owner,
    int? GraceHours,
    string? EvidenceKind,
    string? EvidenceSubjectType,
    string? EvidenceSubjectId,
    bool? ReviewRequired,
    bool? Active,
    DateTimeOffset? EffectiveFrom);

/// <summary>
/// The IT director's use cases on obligations, and the independent review of a period. Creating and
/// editing join the caller's transaction when there is one: a module whose record is an obligation
/// (a maintenance plan) stores both in one use case.
/// </summary>
public sealed class ObligationService(XinkeDb db, TimeProvider clock, RequirementCatalogue catalogue)
{
    public async Task<Result<Obligation>> CreateAsync(ObligationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var obligation = new Obligation { Title = string.Empty, Schedule = string.Empty, Owner = string.Empty, EvidenceKind = string.Empty, CreatedAt = now, EffectiveFrom = now };
        if (await ApplyAsync(obligation, input with { Active = input.Active ?? true }, creating: true, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            db.Add(obligation);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Obligation>.Success(obligation);
        }, cancellationToken);
    }

    /// <summary>
    /// Applies the fields given. The definition of a code-declared obligation follows the code:
    /// only its owner, grace and active flag are edited here.
    /// </summary>
    public async Task<Error?> EditAsync(Obligation obligation, ObligationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(input);
        if (obligation.DeclaredInCode
            && (input.Title is not null || input.RequirementIds is not null || input.ScheduleKind is not null || input.Schedule is not null
                || input.EvidenceKind is not null || input.EvidenceSubjectType is not null || input.EvidenceSubjectId is not null
                || input.ReviewRequired is not null || input.EffectiveFrom is not null))
        {
            return Error.Conflict(ObligationErrors.DeclaredInCode);
        }

        if (await ApplyAsync(obligation, input, creating: false, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var saved = await AmbientTransaction.RunAsync(db, async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<Obligation>.Success(obligation);
        }, cancellationToken);
        return saved.Error;
    }

    public async Task<Result<ObligationPeriod>> ReviewAsync(long periodId, Caller reviewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var period = await db.Set<ObligationPeriod>().SingleOrDefaultAsync(p => p.Id == periodId, cancellationToken);
        if (period is null)
        {
            return Error.NotFound("request.not_found");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (period.Review(reviewer.Id, now) is { } refused)
        {
            return refused;
        }

        if (period.StatusAt(now) == PeriodStatus.Done)
        {
            period.Status = PeriodStatus.Done;
            period.EvaluatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return period;
    }

    private async Task<Error?> ApplyAsync(Obligation obligation, ObligationInput input, bool creating, CancellationToken cancellationToken)
    {
        var title = input.Title?.Trim() ?? (creating ? null : obligation.Title);
        if (string.IsNullOrWhiteSpace(title) || title.Length > Obligation.TitleMaxLength)
        {
            return Error.Invalid(ObligationErrors.InvalidTitle, "title");
        }

        var requirements = input.RequirementIds is null ? obligation.RequirementIds : Obligation.StoreRequirements(input.RequirementIds);
        if (requirements is null || (input.RequirementIds?.Any(id => !catalogue.Contains(id.Trim())) ?? false))
        {
            return Error.Invalid(ObligationErrors.InvalidRequirements, "requirementIds");
        }

        var scheduleKind = input.ScheduleKind ?? obligation.ScheduleKind;
        var schedule = input.Schedule?.Trim() ?? (creating ? null : obligation.Schedule);
        if (!Enum.IsDefined(scheduleKind) || ObligationSchedule.Parse(scheduleKind, schedule) is null)
        {
            return Error.Invalid(ObligationErrors.InvalidSchedule, "schedule");
        }

        var ownerKind = input.OwnerKind ?? obligation.OwnerKind;
        var owner = input.Owner?.Trim() ?? (creating ? null : obligation.Owner);
        if (string.IsNullOrWhiteSpace(owner) || owner.Length > Obligation.OwnerMaxLength || !Enum.IsDefined(ownerKind))
        {
            return Error.Invalid(ObligationErrors.InvalidOwner, "owner");
        }

        if ((input.Owner is not null || input.OwnerKind is not null || creating) && !await OwnerExistsAsync(ownerKind, owner, cancellationToken))
        {
            return Error.Invalid(ObligationErrors.UnknownOwner, "owner");
        }

        var grace = input.GraceHours ?? (creating ? 0 : obligation.GraceHours);
        if (grace is < 0 or > 24 * 366)
        {
            return Error.Invalid(ObligationErrors.InvalidGrace, "graceHours");
        }

        var evidenceKind = input.EvidenceKind?.Trim() ?? (creating ? null : obligation.EvidenceKind);
        var subjectType = input.EvidenceSubjectType is null ? (creating ? null : obligation.EvidenceSubjectType) : NullIfBlank(input.EvidenceSubjectType);
        var subjectId = input.EvidenceSubjectId is null ? (creating ? null : obligation.EvidenceSubjectId) : NullIfBlank(input.EvidenceSubjectId);
        if (string.IsNullOrWhiteSpace(evidenceKind) || evidenceKind.Length > ObligationRecord.KindMaxLength || evidenceKind.IndexOf('.', StringComparison.Ordinal) <= 0
            || subjectType?.Length > ObligationRecord.SubjectMaxLength || subjectId?.Length > ObligationRecord.SubjectMaxLength
            || (subjectId is not null && subjectType is null))
        {
            return Error.Invalid(ObligationErrors.InvalidEvidence, "evidenceKind");
        }

        obligation.Title = title;
        obligation.RequirementIds = requirements;
        obligation.ScheduleKind = scheduleKind;
        obligation.Schedule = schedule!;
        obligation.OwnerKind = ownerKind;
        obligation.Owner = owner;
        obligation.GraceHours = grace;
        obligation.EvidenceKind = evidenceKind;
        obligation.EvidenceSubjectType = subjectType;
        obligation.EvidenceSubjectId = subjectId;
        obligation.ReviewRequired = input.ReviewRequired ?? obligation.ReviewRequired;
        obligation.Active = input.Active ?? obligation.Active;
        if (input.EffectiveFrom is { } from)
        {
            obligation.EffectiveFrom = from.UtcDateTime;
        }

        return null;
    }

    private async Task<bool> OwnerExistsAsync(OwnerKind kind, string owner, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case OwnerKind.Role:
                return await db.Set<Role>().AnyAsync(r => r.Name == owner, cancellationToken);
            case OwnerKind.Person:
                return long.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId)
                    && await db.Set<Account>().AnyAsync(a => a.Id == accountId, cancellationToken);
            case OwnerKind.Department:
                return long.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var departmentId)
                    && await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken);
            default:
                return false;
        }
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
