using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Workflow;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>
/// A test-only module that asks for approvals the way a real module will: its subject is a probe
/// record, its outcome handler writes the outcome into the probe's name in the decision's
/// transaction, and <see cref="ApprovalProbeFailure"/> makes the handler fail on demand.
/// </summary>
public sealed class ApprovalProbe : IApprovalOutcomeHandler
{
    public const string Kind = "test.probe";
    public const string QuorumKind = "test.quorum";
    public const string DepartmentKind = "test.dept";

    /// <summary>A kind the probe handles but declares no policy for.</summary>
    public const string UnregulatedKind = "test.unregulated";
    public const decimal LeadershipAbove = 10000m;
    public const string FailureCode = "test.handler_failed";

    private readonly XinkeDb db;
    private readonly ApprovalProbeFailure failure;

    public ApprovalProbe(XinkeDb db, ApprovalProbeFailure failure)
    {
        this.db = db;
        this.failure = failure;
    }

    public IReadOnlyCollection<string> Kinds { get; } = [Kind, QuorumKind, DepartmentKind, UnregulatedKind];

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.AddProbeModule();
        services.AddSingleton<ApprovalProbeFailure>();
        services.AddApprovalOutcomeHandler<ApprovalProbe>();
        services.AddApprovalPolicy(new ApprovalPolicyDefinition(Kind, 16,
        [
            new ApprovalStepInput(WorkflowPermissions.DecideAsDirector),
            new ApprovalStepInput(WorkflowPermissions.DecideAsLeadership, MinAmount: LeadershipAbove),
        ]));
        services.AddApprovalPolicy(new ApprovalPolicyDefinition(QuorumKind, 16, [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector, Quorum: 2)]));
        services.AddApprovalPolicy(new ApprovalPolicyDefinition(DepartmentKind, 16, [new ApprovalStepInput(WorkflowPermissions.DecideAsDepartmentHead, DepartmentLimited: true)]));
        return services;
    }

    /// <summary>A probe record and an approval of it, started in one transaction as a module's use case would.</summary>
    public static async Task<(long ProbeId, ApprovalRequest Request)> StartAsync(IServiceProvider services, long requesterId, string kind = Kind, decimal? amount = null, long? departmentId = null, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var probe = new Probe { Code = $"PRB-{Guid.NewGuid():N}"[..20], Name = "submitted", CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(probe);
        await db.SaveChangesAsync(cancellationToken);
        var subject = new ApprovalSubject("test", "probe", probe.Id.ToString(CultureInfo.InvariantCulture), probe.Code, "报废 门诊打印机", departmentId);
        var started = await scope.ServiceProvider.GetRequiredService<ApprovalService>().StartAsync(subject, kind, requesterId, amount, cancellationToken);
        Assert.True(started.Succeeded, started.Error?.Code);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (probe.Id, started.Value!);
    }

    public Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken) => MarkAsync(request, "approved", cancellationToken);

    public Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken) => MarkAsync(request, "rejected", cancellationToken);

    public Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken) => MarkAsync(request, "withdrawn", cancellationToken);

    public Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => MarkAsync(request, "expired", cancellationToken);

    private async Task<Error?> MarkAsync(ApprovalRequest request, string outcome, CancellationToken cancellationToken)
    {
        var id = long.Parse(request.SubjectId, CultureInfo.InvariantCulture);
        var probe = await db.Set<Probe>().SingleAsync(p => p.Id == id, cancellationToken);
        probe.Name = outcome;

        // The subject's change is made before the failure, so a rollback has something to undo.
        await db.SaveChangesAsync(cancellationToken);
        return failure.Mode switch
        {
            ApprovalProbeFailure.Kind.ReturnsError => Error.Conflict(FailureCode),
            ApprovalProbeFailure.Kind.Throws => throw new InvalidOperationException("The subject's module failed."),
            _ => null,
        };
    }
}

/// <summary>How the probe's outcome handler fails in the next decisions.</summary>
public sealed class ApprovalProbeFailure
{
    public enum Kind
    {
        None,
        ReturnsError,
        Throws,
    }

    public Kind Mode { get; set; }
}
