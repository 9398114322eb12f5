using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Access.Reviews;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access;

/// <summary>
/// The demo hospital's access records: permission requests of cardiology in every state, last
/// quarter's review closed with a few revocations, and this quarter's open. Runs after the
/// organization (people, contacts) and staff (active demo accounts) seeders.
/// </summary>
public sealed class AccessDemoSeeder(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    PeopleDirectory people,
    ApprovalService approvals,
    PermissionGrants grants,
    RoleService roles,
    AccessReviews reviews,
    CurrentCaller callers) : IDemoSeeder, IBusinessRecords
{
    public int Order => 500;

    public string Name => "access";

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await db.Set<PermissionRequest>().AnyAsync(cancellationToken) || await db.Set<AccessReviewCampaign>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var system = ActorAccessor.Use(Actor.System);
        var liaison = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.UserName == BuiltInRoles.DeptLiaison, cancellationToken);
        var liaisonPerson = liaison is null ? null : await people.FindByAccountAsync(liaison.Id, cancellationToken);
        if (liaison is null || liaisonPerson is null)
        {
            progress.Report("access: no demo liaison linked to a person, skipped");
            return;
        }

        var department = liaisonPerson.DepartmentId;
        var staff = await db.Set<Role>().AsNoTracking().SingleAsync(r => r.Name == BuiltInRoles.Staff, cancellationToken);
        var colleagues = (await people.InDepartmentAsync(department, includeLeavers: false, cancellationToken)).Where(p => p.AccountId is null).Take(7).ToList();
        var statuses = new[]
        {
            PermissionRequestStatus.Pending, PermissionRequestStatus.Granted, PermissionRequestStatus.Rejected, PermissionRequestStatus.Withdrawn,
            PermissionRequestStatus.Expired, PermissionRequestStatus.Ended, PermissionRequestStatus.Revoked,
        };
        var today = grants.Today;
        var previous = today.AddMonths(-3);
        var closed = await reviews.OpenAsync(AccessReviewCampaign.QuarterOf(previous), null, cancellationToken);
        if (closed.Succeeded)
        {
            await AnswerLastQuarterAsync(closed.Value!, liaison.Id, cancellationToken);
            await reviews.CloseAsync(closed.Value!.Id, null, cancellationToken);
        }

        // ACC-02: a grant goes through the department head and the security administrator, as in real use.
        var deciders = await DecidersAsync(cancellationToken);
        foreach (var (person, status) in colleagues.Zip(statuses))
        {
            var granted = status is PermissionRequestStatus.Granted or PermissionRequestStatus.Ended or PermissionRequestStatus.Revoked;
            await RequestAsync(person, staff, department, liaison.Id, granted && deciders is null ? PermissionRequestStatus.Pending : status, today, deciders, cancellationToken);
        }

        await reviews.OpenAsync(AccessReviewCampaign.QuarterOf(today), null, cancellationToken);
        progress.Report(string.Create(CultureInfo.InvariantCulture, $"access: {colleagues.Count} permission request(s), two review campaigns"));
    }

    /// <summary>The demo department head and the security administrator, who decide permission requests; null when either is missing.</summary>
    private async Task<Caller[]?> DecidersAsync(CancellationToken cancellationToken)
    {
        var head = await db.Set<Account>().AsNoTracking().Where(a => a.UserName == BuiltInRoles.DeptHead).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
        var security = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.Role!.Name == BuiltInRoles.SecAdmin && db.Set<Account>().Any(account => account.Id == a.AccountId && account.State == AccountState.Active))
            .OrderBy(a => a.AccountId).Select(a => (long?)a.AccountId).FirstOrDefaultAsync(cancellationToken);
        if (head is null || security is null)
        {
            return null;
        }

        var headCaller = await callers.LoadAsync(head.Value, null, cancellationToken);
        var securityCaller = await callers.LoadAsync(security.Value, null, cancellationToken);
        return headCaller is null || securityCaller is null ? null : [headCaller, securityCaller];
    }

    private async Task RequestAsync(PersonSummary person, Role role, long department, long requesterId, PermissionRequestStatus status, DateOnly today, Caller[]? deciders, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = new PermissionRequest
        {
            Code = await codes.NextAsync(PermissionRequest.CodeKind, cancellationToken),
            PersonId = person.Id,
            PersonDepartmentId = person.DepartmentId,
            RoleId = role.Id,
            RoleName = role.Name,
            DepartmentId = department,
            Purpose = "临床诊疗需要查阅本科室病历和检查报告",
            DataClasses = "病历、检查报告",
            Systems = "HIS、PACS",
            EndsOn = status == PermissionRequestStatus.Ended ? today.AddDays(-1) : today.AddMonths(6),
            RequesterId = requesterId,
            Status = PermissionRequestStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var granted = status is PermissionRequestStatus.Granted or PermissionRequestStatus.Ended or PermissionRequestStatus.Revoked;
        if (status == PermissionRequestStatus.Pending || granted)
        {
            var subject = new ApprovalSubject("access", nameof(PermissionRequest), request.Id.ToString(CultureInfo.InvariantCulture), request.Code, $"{person.Name}（{person.EmployeeNumber}）· {PermissionRequests.Describe(request)}", person.DepartmentId);
            var started = await approvals.StartAsync(subject, PermissionRequests.ApprovalKind, requesterId, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            request.ApprovalId = started.Value?.Id;
        }
        else
        {
            request.CloseUngranted(status, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!granted || request.ApprovalId is not { } approval)
        {
            return;
        }

        // The last approval grants the role through the outcome handler.
        foreach (var decider in deciders!)
        {
            await approvals.DecideAsync(approval, decider, ApprovalVerdict.Approve, null, cancellationToken);
        }

        if (status != PermissionRequestStatus.Granted)
        {
            var stored = await db.Set<PermissionRequest>().SingleAsync(r => r.Id == request.Id, cancellationToken);
            stored.EndGrant(status == PermissionRequestStatus.Revoked ? "调岗，安全管理员收回" : null, clock.GetUtcNow().UtcDateTime);
            await roles.RevokeAsync(stored.AccountId!.Value, role.Id, department, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Last quarter's lines confirmed by the liaison, but for up to two flagged ones (idle, leaver) revoked; the liaison's own lines stay unanswered.</summary>
    private async Task AnswerLastQuarterAsync(AccessReviewCampaign campaign, long liaisonId, CancellationToken cancellationToken)
    {
        var lines = await db.Set<AccessReviewLine>().Where(l => l.CampaignId == campaign.Id && l.AccountId != liaisonId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = lines.Where(l => l.Flagged).Take(2).ToHashSet();
        foreach (var line in lines)
        {
            line.Decide(revoked.Contains(line) ? ReviewAnswer.Revoked : ReviewAnswer.Confirmed, revoked.Contains(line) ? "长期未使用或人员已离职" : null, liaisonId, now);
            if (revoked.Contains(line))
            {
                await roles.RevokeAsync(line.AccountId, line.RoleId, line.ScopeDepartmentId, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
