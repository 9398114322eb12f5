using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.BrowserTests.Infrastructure;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;

namespace Xinke.BrowserTests;

/// <summary>
/// Xinke with a test-only approval kind: no product module starts approvals yet, so this one
/// plays the module — its policy asks hospital leadership, and its outcome handler records the
/// outcome in the audit trail inside the decision's transaction.
/// </summary>
public sealed class ApprovalsServer : XinkeServer
{
    public const string Kind = "test.device-scrap";
    public const string Password = "Xinke-Test-2026";

    protected override void AddServices(IServiceCollection services)
    {
        services.AddApprovalOutcomeHandler<OutcomeHandler>();
        services.AddApprovalPolicy(new ApprovalPolicyDefinition(Kind, 16, [new ApprovalStepInput(WorkflowPermissions.DecideAsLeadership)]));
    }

    /// <summary>An active account with a settled password and the given built-in role.</summary>
    public async Task<Account> CreateUserAsync(string userName, string displayName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<RoleService>().SyncBuiltInAsync(CancellationToken.None);
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, displayName, null, AccountState.Active, CancellationToken.None, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id);
        account.MustChangePassword = false;
        var roleId = await db.Set<Role>().Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return account;
    }

    /// <summary>Starts an approval as a module's use case would, inside its own transaction.</summary>
    public async Task<ApprovalRequest> StartAsync(long requesterId, string summary)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var subject = new ApprovalSubject("test", "device", "1", "DEV-0001", summary, null);
        var started = await scope.ServiceProvider.GetRequiredService<ApprovalService>().StartAsync(subject, Kind, requesterId, null, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error?.Code);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return started.Value!;
    }

    private sealed class OutcomeHandler(AuditLog audit) : IApprovalOutcomeHandler
    {
        public IReadOnlyCollection<string> Kinds { get; } = [Kind];

        public Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

        public Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

        public Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

        public Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken) => RecordAsync(request, cancellationToken);

        private async Task<Error?> RecordAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            await audit.RecordAsync($"test.device.{request.State.ToString().ToLowerInvariant()}", "success", cancellationToken, "device", request.SubjectId);
            return null;
        }
    }
}
