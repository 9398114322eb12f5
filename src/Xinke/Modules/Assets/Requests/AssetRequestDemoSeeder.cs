using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// The demo hospital's device requests, one in every state, filed by the demo department head's
/// liaison for colleagues and decided by the demo head through the workflow kernel; the approved ones
/// are fulfilled (one partly) from the store. Runs after the register's seeder.
/// </summary>
public sealed class AssetRequestDemoSeeder(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    PeopleDirectory people,
    ApprovalService approvals,
    CurrentCaller callers,
    AssetHistory history) : IDemoSeeder
{
    private static readonly AssetRequestStatus[] States =
    [
        AssetRequestStatus.PendingApproval, AssetRequestStatus.Approved, AssetRequestStatus.Fulfilled, AssetRequestStatus.Closed,
        AssetRequestStatus.Rejected, AssetRequestStatus.Cancelled,
    ];

    public int Order => 620;

    public string Name => "asset-requests";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        using var system = ActorAccessor.Use(Actor.System);
        var accounts = await db.Set<Account>().AsNoTracking()
            .Where(a => a.UserName == BuiltInRoles.DeptLiaison || a.UserName == BuiltInRoles.DeptHead || a.UserName == BuiltInRoles.ItEngineer)
            .ToDictionaryAsync(a => a.UserName, a => a.Id, cancellationToken);
        var liaison = accounts.TryGetValue(BuiltInRoles.DeptLiaison, out var l) ? await people.FindByAccountAsync(l, cancellationToken) : null;
        if (liaison is null || !accounts.TryGetValue(BuiltInRoles.DeptHead, out var head) || !accounts.TryGetValue(BuiltInRoles.ItEngineer, out var engineer)
            || await callers.LoadAsync(head, null, cancellationToken) is not { } headCaller)
        {
            progress.Report("asset-requests: no demo liaison, head and engineer, skipped");
            return;
        }

        var colleagues = (await people.InDepartmentAsync(liaison.DepartmentId, includeLeavers: false, cancellationToken)).Where(p => p.AccountId is null).Take(States.Length).ToList();
        var laptop = AssetType.BuiltIns.Single(t => t.Code == "laptop").Id;
        var today = hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var (person, state) in colleagues.Zip(States))
        {
            await RequestAsync(person, liaison.AccountId!.Value, headCaller, engineer, laptop, state, today, cancellationToken);
            count++;
        }

        progress.Report(string.Create(CultureInfo.InvariantCulture, $"asset-requests: {count} device request(s)"));
    }

    private async Task RequestAsync(PersonSummary person, long filedBy, Caller head, long engineer, long typeId, AssetRequestStatus state, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = new AssetRequest
        {
            Code = await codes.NextAsync(AssetRequest.CodeKind, cancellationToken),
            TypeId = typeId,
            Quantity = 2,
            Purpose = "新入职规培医生查房与病历书写用笔记本电脑",
            NeededFrom = today.AddDays(3),
            DepartmentId = person.DepartmentId,
            PersonId = person.Id,
            FiledById = filedBy,
            FiledAt = clock.GetUtcNow().UtcDateTime,
            Status = AssetRequestStatus.PendingApproval,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var subject = new ApprovalSubject("assets", nameof(AssetRequest), request.Id.ToString(CultureInfo.InvariantCulture), request.Code, $"{person.Name}（{person.EmployeeNumber}）申领 笔记本电脑 × 2", request.DepartmentId);
        var started = await approvals.StartAsync(subject, AssetRequests.ApprovalKind, filedBy, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        request.ApprovalId = started.Value?.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (state == AssetRequestStatus.PendingApproval || request.ApprovalId is not { } approval)
        {
            return;
        }

        if (state == AssetRequestStatus.Cancelled)
        {
            await approvals.WithdrawAsync(approval, (await callers.LoadAsync(filedBy, null, cancellationToken))!, cancellationToken);
            return;
        }

        var verdict = state == AssetRequestStatus.Rejected ? ApprovalVerdict.Reject : ApprovalVerdict.Approve;
        await approvals.DecideAsync(approval, head, verdict, verdict == ApprovalVerdict.Reject ? "本科室现有设备可调剂使用" : null, cancellationToken);
        if (state is AssetRequestStatus.Fulfilled or AssetRequestStatus.Closed)
        {
            await FulfilAsync(request.Id, engineer, state == AssetRequestStatus.Fulfilled ? 2 : 1, cancellationToken);
        }
    }

    private async Task FulfilAsync(long requestId, long engineer, int count, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.Set<AssetRequest>().SingleAsync(r => r.Id == requestId, cancellationToken);
        var assets = await db.Set<Asset>().Where(a => a.TypeId == request.TypeId && a.Status == AssetStatus.InStock).OrderBy(a => a.Id).Take(count).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (assets.Count == 0 || request.Fulfil([.. assets.Select(a => a.Id)], engineer, now) is not null)
        {
            return;
        }

        foreach (var asset in assets)
        {
            asset.SetStatus(AssetStatus.InUse);
            asset.AssignTo(request.PersonId, request.DepartmentId);
            asset.UpdatedAt = now;
            history.Record(asset.Id, AssetEventKind.Assigned, $"按申领 {request.Code} 发放", engineer, "asset-request", request.Id);
        }

        if (request.Status == AssetRequestStatus.Approved)
        {
            request.Close("库存不足，其余一台待下批采购到货后另行申领", engineer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
