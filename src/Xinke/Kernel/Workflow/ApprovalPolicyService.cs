using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// The approval policies: the defaults modules declare in code, stored when missing, and the
/// IT director's edits, validated before they are saved.
/// </summary>
public sealed class ApprovalPolicyService(
    XinkeDb db,
    PermissionCatalog catalog,
    IEnumerable<ApprovalPolicyDefinition> definitions,
    TimeProvider clock,
    ILogger<ApprovalPolicyService> logger)
{
    public async Task<List<ApprovalPolicy>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        return await db.Set<ApprovalPolicy>().AsNoTracking().Include(p => p.Steps).OrderBy(p => p.Kind).ToListAsync(cancellationToken);
    }

    /// <summary>The stored policy of a kind, tracked for an edit; null when no module declares the kind.</summary>
    public async Task<ApprovalPolicy?> FindAsync(string kind, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        return await db.Set<ApprovalPolicy>().Include(p => p.Steps).SingleOrDefaultAsync(p => p.Kind == kind, cancellationToken);
    }

    /// <summary>
    /// The policy a new request of <paramref name="kind"/> follows. Called inside the starting
    /// module's transaction: a declared default not stored yet is added to it and saved with it.
    /// </summary>
    public async Task<ApprovalPolicy?> ForStartAsync(string kind, CancellationToken cancellationToken)
    {
        // A default added earlier in the same transaction is not in the database yet.
        var stored = db.Set<ApprovalPolicy>().Local.FirstOrDefault(p => p.Kind == kind)
            ?? await db.Set<ApprovalPolicy>().AsNoTracking().Include(p => p.Steps).SingleOrDefaultAsync(p => p.Kind == kind, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        var definition = definitions.FirstOrDefault(d => d.Kind == kind);
        if (definition is null)
        {
            return null;
        }

        var policy = await FromDefinitionAsync(definition, cancellationToken);
        db.Add(policy);
        return policy;
    }

    /// <summary>Replaces the deadline and the steps of <paramref name="policy"/> (tracked) after validating them.</summary>
    public async Task<Result<ApprovalPolicy>> ReplaceAsync(ApprovalPolicy policy, ApprovalPolicyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(input);
        if (await ValidateAsync(input, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        policy.DeadlineWorkingHours = input.DeadlineWorkingHours!.Value;
        policy.Steps.Clear();
        policy.Steps.AddRange(StepsOf(input.Steps!));
        policy.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Approval policy {Kind} now has {Count} step(s) and a deadline of {Hours} working hour(s)", policy.Kind, policy.Steps.Count, policy.DeadlineWorkingHours);
        return policy;
    }

    /// <summary>
    /// Why a policy cannot be saved, naming the field: at least one step and one that applies
    /// whatever the amount; each step names exactly one of an existing permission or an active
    /// account; quorum 1..20 (1 for a named person); thresholds not negative; a deadline of 1..2000
    /// office working hours.
    /// </summary>
    public async Task<Error?> ValidateAsync(ApprovalPolicyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DeadlineWorkingHours is not (>= 1 and <= ApprovalPolicy.MaxDeadlineWorkingHours))
        {
            return Error.Invalid(ApprovalErrors.InvalidDeadline, "deadlineWorkingHours", 1, ApprovalPolicy.MaxDeadlineWorkingHours);
        }

        var steps = input.Steps;
        if (steps is null || steps.Count == 0)
        {
            return Error.Invalid(ApprovalErrors.NoSteps, "steps");
        }

        if (steps.Count > ApprovalPolicy.MaxSteps)
        {
            return Error.Invalid(ApprovalErrors.TooManySteps, "steps", ApprovalPolicy.MaxSteps);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var field = $"steps[{i}]";
            var byPermission = !string.IsNullOrWhiteSpace(step?.Permission);
            if (step is null || byPermission == (step.AccountId is not null) || (step.DepartmentLimited && !byPermission))
            {
                return Error.Invalid(ApprovalErrors.StepApprover, field);
            }

            if (byPermission && !catalog.Exists(step.Permission!))
            {
                return Error.Invalid(ApprovalErrors.UnknownPermission, $"{field}.permission", step.Permission!);
            }

            if (step.Quorum is < 1 or > ApprovalPolicy.MaxQuorum || (step.AccountId is not null && step.Quorum is > 1))
            {
                return Error.Invalid(ApprovalErrors.InvalidQuorum, $"{field}.quorum", 1, ApprovalPolicy.MaxQuorum);
            }

            if (step.MinAmount < 0)
            {
                return Error.Invalid(ApprovalErrors.InvalidThreshold, $"{field}.minAmount");
            }
        }

        if (steps.All(s => s.MinAmount is not null))
        {
            return Error.Invalid(ApprovalErrors.NoUnconditionalStep, "steps");
        }

        var named = steps.Where(s => s.AccountId is not null).Select(s => s.AccountId!.Value).Distinct().ToList();
        if (named.Count > 0)
        {
            var active = await db.Set<Account>().AsNoTracking()
                .Where(a => named.Contains(a.Id) && a.State == AccountState.Active)
                .Select(a => a.Id)
                .ToListAsync(cancellationToken);
            var missing = steps.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.AccountId is { } id && !active.Contains(id));
            if (missing.s is not null)
            {
                return Error.Invalid(ApprovalErrors.UnknownAccount, $"steps[{missing.i}].accountId");
            }
        }

        return null;
    }

    /// <summary>Stores the declared default of every kind that has no policy yet.</summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        var kinds = definitions.Select(d => d.Kind).ToList();
        if (kinds.Count == 0)
        {
            return;
        }

        var stored = await db.Set<ApprovalPolicy>().AsNoTracking().Where(p => kinds.Contains(p.Kind)).Select(p => p.Kind).ToListAsync(cancellationToken);
        var missing = definitions.Where(d => !stored.Contains(d.Kind)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var definition in missing)
        {
            db.Add(await FromDefinitionAsync(definition, cancellationToken));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request or instance stored the same defaults first (the kind is unique): theirs stand.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<ApprovalPolicy> FromDefinitionAsync(ApprovalPolicyDefinition definition, CancellationToken cancellationToken)
    {
        var input = new ApprovalPolicyInput(definition.DeadlineWorkingHours, definition.Steps);
        if (await ValidateAsync(input, cancellationToken) is { } invalid)
        {
            throw new InvalidOperationException($"The default approval policy of {definition.Kind} is invalid: {invalid.Code} at {invalid.Field}.");
        }

        return new ApprovalPolicy
        {
            Kind = definition.Kind,
            DeadlineWorkingHours = definition.DeadlineWorkingHours,
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            Steps = [.. StepsOf(definition.Steps)],
        };
    }

    private static IEnumerable<ApprovalPolicyStep> StepsOf(IReadOnlyList<ApprovalStepInput> steps) =>
        steps.Select((s, i) => new ApprovalPolicyStep
        {
            Order = i,
            Permission = string.IsNullOrWhiteSpace(s.Permission) ? null : s.Permission,
            DepartmentLimited = s.DepartmentLimited,
            AccountId = s.AccountId,
            Quorum = s.Quorum ?? 1,
            MinAmount = s.MinAmount,
        });
}
