using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Staff;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules;

/// <summary>
/// The record checks can fail: on the small demo hospital (consistent), one record is changed behind
/// the product's back, and the check names it with the requirement it breaks.
/// </summary>
public abstract class ConsistencyCheckTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : ConsistencyCheckTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ConsistencyCheckTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_audit_event_altered_in_the_database_is_reported()
    {
        await SeedAsync();

        await App.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "ActorName" = 'mallory' WHERE "Sequence" = 3""", Cancel));

        Assert.Contains(await ViolationsAsync("audit"), v => v.RequirementId == "ACC-06" && v.Record == "audit:3");
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task An_active_account_without_its_activation_clearance_is_reported()
    {
        await SeedAsync();

        var account = await App.WithDbAsync(async db =>
        {
            var engineer = await db.Set<Account>().SingleAsync(a => a.UserName == BuiltInRoles.ItEngineer, Cancel);
            await db.Set<ActivationClearance>().Where(c => c.AccountId == engineer.Id).ExecuteDeleteAsync(Cancel);
            return engineer;
        });

        Assert.Contains(await ViolationsAsync("staff"), v => v.RequirementId == "ACC-01" && v.Record.StartsWith($"account:{account.Id} ", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_granted_permission_without_its_approval_is_reported()
    {
        await SeedAsync();

        var code = await App.WithDbAsync(async db =>
        {
            var granted = await db.Set<PermissionRequest>().OrderBy(r => r.Id).FirstAsync(r => r.Status == PermissionRequestStatus.Granted, Cancel);
            granted.ApprovalId = null;
            await db.SaveChangesAsync(Cancel);
            return granted.Code;
        });

        Assert.Contains(await ViolationsAsync("access"), v => v.RequirementId == "ACC-02" && v.Record == code);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_granted_permission_resting_on_an_approval_of_another_record_is_reported()
    {
        await SeedAsync();

        var (code, borrowed) = await App.WithDbAsync(async db =>
        {
            var granted = await db.Set<PermissionRequest>().OrderBy(r => r.Id).FirstAsync(r => r.Status == PermissionRequestStatus.Granted, Cancel);
            var other = await db.Set<ApprovalRequest>().OrderBy(a => a.Id).FirstAsync(a => a.State == ApprovalState.Approved && a.Id != granted.ApprovalId, Cancel);
            granted.ApprovalId = other.Id;
            await db.SaveChangesAsync(Cancel);
            return (granted.Code, other.Code);
        });

        var found = Assert.Single(await ViolationsAsync("access"));
        Assert.Equal(("ACC-02", code), (found.RequirementId, found.Record));
        Assert.Contains(borrowed, found.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_closed_ticket_without_resolution_and_one_with_a_wrong_breach_flag_are_reported()
    {
        await SeedAsync();

        var (unresolved, misflagged) = await App.WithDbAsync(async db =>
        {
            var closed = await db.Set<Ticket>().Where(t => t.Status == TicketStatus.Closed).OrderBy(t => t.Id).Take(2).ToListAsync(Cancel);
            closed[0].Resolution = null;
            closed[1].ResolutionBreached = !closed[1].ResolutionBreached;
            await db.SaveChangesAsync(Cancel);
            return (closed[0].Code, closed[1].Code);
        });

        var found = await ViolationsAsync("servicedesk");
        Assert.Contains(found, v => v.RequirementId == "OPS-07" && v.Record == unresolved && v.Message.Contains("resolution", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "OPS-07" && v.Record == misflagged && v.Message.Contains("SLA", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Req", "DATA-01")]
    public async Task An_obligation_period_left_open_although_its_evidence_was_reported_is_reported()
    {
        await SeedAsync();
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var periodId = await App.WithDbAsync(async db =>
        {
            var obligation = new Obligation
            {
                Title = "备份恢复演练",
                RequirementIds = ",DATA-01,",
                Schedule = "0 0 1 * *",
                Owner = BuiltInRoles.ItDirector,
                EvidenceKind = "backups.restore_test",
                EffectiveFrom = now.AddMonths(-2),
                CreatedAt = now.AddMonths(-2),
            };
            db.Add(obligation);
            await db.SaveChangesAsync(Cancel);
            var period = new ObligationPeriod { ObligationId = obligation.Id, Start = now.AddDays(-20), End = now.AddDays(10), GraceUntil = now.AddDays(12) };
            db.Add(period);
            db.Add(new ObligationRecord { Kind = "backups.restore_test", Module = "backups", SourceRef = "BAK-2026-000001", OccurredAt = now.AddDays(-5), ReportedAt = now.AddDays(-5) });
            await db.SaveChangesAsync(Cancel);
            return period.Id;
        });

        Assert.Contains(await ViolationsAsync("obligations"), v => v.RequirementId == "DATA-01" && v.Record.EndsWith($"/period:{periodId}", StringComparison.Ordinal));
    }

    private async Task SeedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var ran = await scope.ServiceProvider.GetRequiredService<DemoRunner>().RunAsync(DemoSize.Small, new Progress<string>(), Cancel);
        Assert.True(ran.Succeeded, ran.Error?.Code);
    }

    private async Task<IReadOnlyList<RuleViolation>> ViolationsAsync(string area)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ConsistencyCheck>().RunAsync(null, Cancel);
        Assert.All(report.Areas.Where(a => a.Area != area), a => Assert.Equal(0, a.ViolationCount));
        return report.Areas.Single(a => a.Area == area).Violations;
    }
}
