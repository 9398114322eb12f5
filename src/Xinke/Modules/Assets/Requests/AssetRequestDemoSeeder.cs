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
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// The demo hospital's device requests, one in every state, filed by the demo department head's
/// liaison for colleagues and decided by the demo head through the workflow kernel; the approved ones
/// are fulfilled (one partly) from the store. Requests for a limited time go out as loans due after
/// their last day (EQ-03), as the product hands them out; one came back early through its return
/// inspection. Their approval is decided as they are seeded (the approvals kernel stamps its own
/// time), so none is overdue yet: the overdue loans are the desk loans of the loans seeder. Runs
/// after the register's and the loans' seeders.
/// </summary>
public sealed class AssetRequestDemoSeeder(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    PeopleDirectory people,
    ApprovalService approvals,
    CurrentCaller callers,
    AssetHistory history,
    LoanService loans) : IDemoSeeder
{
    private static readonly AssetRequestStatus[] States =
    [
        AssetRequestStatus.PendingApproval, AssetRequestStatus.Approved, AssetRequestStatus.Fulfilled, AssetRequestStatus.Closed,
        AssetRequestStatus.Rejected, AssetRequestStatus.Cancelled,
    ];

    /// <summary>The requests for a limited time: for how many days from today, and whether the device already came back.</summary>
    private static readonly (int Days, bool Returned, string Purpose)[] Temporary =
    [
        (14, false, "院外义诊期间录入门诊病历"), (5, false, "参加省级学术会议汇报演示"), (10, true, "对口支援乡镇卫生院巡诊"),
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
            var request = await RequestAsync(person, liaison.AccountId!.Value, headCaller, laptop, 2, "新入职规培医生查房与病历书写用笔记本电脑", today, null, state, cancellationToken);
            if (state is AssetRequestStatus.Fulfilled or AssetRequestStatus.Closed)
            {
                await FulfilAsync(request, engineer, state == AssetRequestStatus.Fulfilled ? 2 : 1, cancellationToken);
            }

            count++;
        }

        var lent = 0;
        if (colleagues.Count > 0 && await callers.LoadAsync(engineer, null, cancellationToken) is { } engineerCaller && await StockedTypeAsync(cancellationToken) is { } stocked)
        {
            for (var i = 0; i < Temporary.Length; i++)
            {
                var (days, returned, purpose) = Temporary[i];
                var request = await RequestAsync(colleagues[i % colleagues.Count], liaison.AccountId!.Value, headCaller, stocked, 1, purpose, today, today.AddDays(days), AssetRequestStatus.Approved, cancellationToken);
                lent += await LendAsync(request, engineerCaller, returned, cancellationToken) ? 1 : 0;
                count++;
            }
        }

        progress.Report(string.Create(CultureInfo.InvariantCulture, $"asset-requests: {count} device request(s), {lent} handed out on loan"));
    }

    /// <summary>The type most devices free to lend are of (in the store and reserved by nobody), if any.</summary>
    private Task<long?> StockedTypeAsync(CancellationToken cancellationToken) =>
        Lendable().GroupBy(a => a.TypeId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (long?)g.Key).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<Asset> Lendable() =>
        db.Set<Asset>().Where(a => a.Status == AssetStatus.InStock && !db.Set<AssetReservation>().Any(r => r.AssetId == a.Id && r.CancelledAt == null));

    private async Task<long> RequestAsync(
        PersonSummary person, long filedBy, Caller head, long typeId, int quantity, string purpose, DateOnly today, DateOnly? until, AssetRequestStatus state, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = new AssetRequest
        {
            Code = await codes.NextAsync(AssetRequest.CodeKind, cancellationToken),
            TypeId = typeId,
            Quantity = quantity,
            Purpose = purpose,
            NeededFrom = until is null ? today.AddDays(3) : today,
            NeededUntil = until,
            DepartmentId = person.DepartmentId,
            PersonId = person.Id,
            FiledById = filedBy,
            FiledAt = clock.GetUtcNow().UtcDateTime,
            Status = AssetRequestStatus.PendingApproval,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        var typeName = await db.Set<AssetType>().Where(t => t.Id == typeId).Select(t => t.NameZh).SingleAsync(cancellationToken);
        var subject = new ApprovalSubject(
            "assets", nameof(AssetRequest), request.Id.ToString(CultureInfo.InvariantCulture), request.Code,
            string.Create(CultureInfo.InvariantCulture, $"{person.Name}（{person.EmployeeNumber}）申领 {typeName} × {quantity}"), request.DepartmentId);
        var started = await approvals.StartAsync(subject, AssetRequests.ApprovalKind, filedBy, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        request.ApprovalId = started.Value?.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (state == AssetRequestStatus.PendingApproval || request.ApprovalId is not { } approval)
        {
            return request.Id;
        }

        if (state == AssetRequestStatus.Cancelled)
        {
            await approvals.WithdrawAsync(approval, (await callers.LoadAsync(filedBy, null, cancellationToken))!, cancellationToken);
            return request.Id;
        }

        var verdict = state == AssetRequestStatus.Rejected ? ApprovalVerdict.Reject : ApprovalVerdict.Approve;
        await approvals.DecideAsync(approval, head, verdict, verdict == ApprovalVerdict.Reject ? "本科室现有设备可调剂使用" : null, cancellationToken);
        return request.Id;
    }

    /// <summary>
    /// Hands out one device on an approved request for a limited time, as the product does: a loan
    /// due after the last day, opened before the device passes to the requester; with
    /// <paramref name="returned"/> it already came back, wiped and inspected by IT.
    /// </summary>
    private async Task<bool> LendAsync(long requestId, Caller engineer, bool returned, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.Set<AssetRequest>().SingleAsync(r => r.Id == requestId, cancellationToken);
        var asset = await Lendable().Where(a => a.TypeId == request.TypeId).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        var person = await people.FindAsync(request.PersonId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (asset is null || person is null || request.NeededUntil is not { } until || request.Status != AssetRequestStatus.Approved
            || request.Fulfil([asset.Id], engineer.Id, now) is not null)
        {
            return false;
        }

        history.Record(asset.Id, AssetEventKind.Assigned, string.Create(CultureInfo.InvariantCulture, $"按申领 {request.Code} 发放给 {person.Name}（{person.EmployeeNumber}），借用至 {until:yyyy-MM-dd}"), engineer.Id, "asset-request", request.Id);
        var lent = await loans.OpenAsync(asset, person, hospital.StartOfDayUtc(until.AddDays(1)), "外观完好，开机正常", "电源适配器", engineer.Id, now, cancellationToken);
        var inspection = new ReturnInspection("外观完好", AccessoriesComplete: true, DataWiped: true, Damaged: false, "任务提前结束，提前归还");
        if (!lent.Succeeded || asset.AssignTo(request.PersonId, request.DepartmentId).Error is not null
            || (returned && !(await loans.CloseAsync(lent.Value!, asset, inspection, engineer.Id, engineer.Account.PersonId, now, cancellationToken)).Succeeded))
        {
            // Rolled back with the transaction: nothing of it may reach the next request's save.
            db.ChangeTracker.Clear();
            return false;
        }

        asset.UpdatedAt = now;

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Hands out up to <paramref name="count"/> laptops for good on a request with no end date; short of stock it closes the rest.</summary>
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
