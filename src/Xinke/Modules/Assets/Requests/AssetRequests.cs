using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Requests;

/// <summary>A check a change of a request must pass first, such as If-Match or a form's version.</summary>
public delegate Error? AssetRequestPrecondition(AssetRequest request);

/// <summary>
/// Device requests (EQ-02), one transaction per use case: a staff member files one for their
/// department (IT may file on a person's behalf), the department head approves it through the
/// workflow kernel (never the requester), IT hands out in-stock assets of the type, each told on
/// the asset's timeline, and closes it short when the rest will not come.
/// </summary>
public sealed class AssetRequests(
    XinkeDb db,
    AssetRegister register,
    AssetHistory history,
    HumanCodes codes,
    PeopleDirectory people,
    DepartmentScope scope,
    CurrentCaller current,
    ApprovalService approvals,
    Notifier notifier,
    LoanService loans,
    TimeProvider clock,
    HospitalClock hospital)
{
    /// <summary>What a temporary hand-out records as the device's condition when IT wrote none.</summary>
    public const string UnrecordedCondition = "未另行记录";

    public const string ApprovalKind = "assets.request";
    public const string DecidedKind = "assets.request_decided";
    public const string FulfilledKind = "assets.request_fulfilled";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public static string Link(long id) => string.Create(CultureInfo.InvariantCulture, $"/assets/requests/{id}");

    public static string ApiLink(long id) => string.Create(CultureInfo.InvariantCulture, $"/api/v1/asset-requests/{id}");

    public async Task<Result<AssetRequest>> FileAsync(AssetRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await RequireCallerAsync(cancellationToken);
        if (AssetRequest.Check(input, Today) is { } invalid)
        {
            return invalid;
        }

        var type = await register.TypeAsync(input.TypeId!.Value, cancellationToken);
        if (type is null || !type.Active)
        {
            return Error.Invalid(AssetRequestErrors.UnknownType, "typeId");
        }

        var own = await people.FindByAccountAsync(caller.Id, cancellationToken);
        var person = own;
        if (input.PersonId is { } personId && personId != own?.Id)
        {
            // Filing for someone else is the IT department's service to a person without an account or a desk.
            if (!caller.Has(AssetsPermissions.FulfilRequests))
            {
                return Error.Forbidden(AssetRequestErrors.NotRequester);
            }

            person = await people.FindAsync(personId, cancellationToken);
            if (person is null || person.Status == PersonStatus.Left)
            {
                return Error.Invalid(AssetRequestErrors.UnknownPerson, "personId");
            }
        }

        if (person is null)
        {
            return Error.Invalid(AssetRequestErrors.NoPerson, "personId");
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var request = new AssetRequest
            {
                Code = await codes.NextAsync(AssetRequest.CodeKind, cancellationToken),
                TypeId = type.Id,
                Quantity = input.Quantity!.Value,
                Purpose = input.Purpose!.Trim(),
                NeededFrom = input.NeededFrom!.Value,
                NeededUntil = input.NeededUntil,
                DepartmentId = person.DepartmentId,
                PersonId = person.Id,
                PersonAccountId = person.AccountId,
                FiledById = caller.Id,
                FiledAt = clock.GetUtcNow().UtcDateTime,
                Status = AssetRequestStatus.PendingApproval,
            };
            db.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            var summary = $"{person.Name}（{person.EmployeeNumber}）申领 {type.NameZh} × {request.Quantity}：{request.Purpose}";
            var subject = new ApprovalSubject(
                "assets", nameof(AssetRequest), request.Id.ToString(CultureInfo.InvariantCulture), request.Code,
                summary.Length > ApprovalRequest.SummaryMaxLength ? summary[..ApprovalRequest.SummaryMaxLength] : summary,
                request.DepartmentId);
            var started = await approvals.StartAsync(subject, ApprovalKind, caller.Id, null, cancellationToken);
            if (!started.Succeeded)
            {
                return started.Error!;
            }

            await db.SaveChangesAsync(cancellationToken);
            request.ApprovalId = started.Value!.Id;
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetRequest>.Success(request);
        }, cancellationToken);
    }

    /// <summary>
    /// The requests the caller may see: their own (filed by them or for them), those of the
    /// departments where they read the department's devices (heads and liaisons), and every one for
    /// the IT department, leadership and reviewers, who read the whole register.
    /// </summary>
    public async Task<IQueryable<AssetRequest>> VisibleAsync(CancellationToken cancellationToken)
    {
        var all = db.Set<AssetRequest>().AsQueryable();
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return all.Where(_ => false);
        }

        var departments = await scope.DepartmentsAsync(AssetsPermissions.Read, cancellationToken);
        if (departments is null)
        {
            return all;
        }

        var me = caller.Id;
        var reachable = departments.ToList();
        return all.Where(r => r.FiledById == me || r.PersonAccountId == me || reachable.Contains(r.DepartmentId));
    }

    /// <summary>The visible requests narrowed by <paramref name="filter"/> and the search text; shared by the list, the export and the pages.</summary>
    public async Task<Result<IQueryable<AssetRequest>>> QueryAsync(AssetRequestFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = (await VisibleAsync(cancellationToken)).AsNoTracking();
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<AssetRequestStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(AssetRequestErrors.InvalidStatus, "status");
            }

            query = query.Where(r => r.Status == status);
        }

        if (filter.TypeId is { } typeId)
        {
            query = query.Where(r => r.TypeId == typeId);
        }

        var me = (await current.GetAsync(cancellationToken))?.Id;
        switch (filter.View)
        {
            case null or "":
                break;
            case AssetRequestFilter.Mine:
                query = query.Where(r => r.FiledById == me || r.PersonAccountId == me);
                break;
            case AssetRequestFilter.Department:
                var departments = (await scope.DepartmentsAsync(AssetsPermissions.Read, cancellationToken))?.ToList();
                query = departments is null ? query : query.Where(r => departments.Contains(r.DepartmentId));
                break;
            case AssetRequestFilter.Queue:
                query = query.Where(r => r.Status == AssetRequestStatus.Approved);
                break;
            default:
                return Error.Invalid(AssetRequestErrors.InvalidView, "view");
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(r => r.Code.Contains(q) || r.Purpose.Contains(q));
        }

        return Result<IQueryable<AssetRequest>>.Success(query);
    }

    /// <summary>One request with the assets handed out on it, untracked; null when missing or out of the caller's sight.</summary>
    public async Task<AssetRequest?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The requests the caller may see on which <paramref name="assetId"/> was handed out, newest first.</summary>
    public async Task<IReadOnlyList<AssetRequest>> HandedOutOnAsync(long assetId, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AsNoTracking()
            .Where(r => r.Items.Any(i => i.AssetId == assetId))
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The in-stock assets of <paramref name="typeId"/> IT may hand out, by tag.</summary>
    public async Task<IReadOnlyList<Asset>> InStockAsync(long typeId, int limit, CancellationToken cancellationToken) =>
        await (await register.VisibleAsync(AssetsPermissions.FulfilRequests, cancellationToken))
            .Where(a => a.TypeId == typeId && a.Status == AssetStatus.InStock)
            .OrderBy(a => a.Tag)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>Who filed the request takes it back before its department head decides (the approval is withdrawn with it).</summary>
    public async Task<Result<AssetRequest>> CancelAsync(long id, AssetRequestPrecondition? precondition, CancellationToken cancellationToken)
    {
        var caller = await RequireCallerAsync(cancellationToken);
        var request = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(AssetRequestErrors.NotFound);
        }

        if (precondition?.Invoke(request) is { } failed)
        {
            return failed;
        }

        if (request.FiledById != caller.Id)
        {
            return Error.Forbidden(AssetRequestErrors.NotRequester);
        }

        if (request.Status != AssetRequestStatus.PendingApproval || request.ApprovalId is not { } approval)
        {
            return Error.Conflict(AssetRequestErrors.NotPending, AssetRequestErrors.Requirement);
        }

        var withdrawn = await approvals.WithdrawAsync(approval, caller, cancellationToken);
        return withdrawn.Succeeded ? request : withdrawn.Error!;
    }

    /// <summary>
    /// IT hands out <paramref name="assetIds"/> on an approved request: each must be in stock and of
    /// the requested type, and no more than what remains. Each goes into use (on loan for a temporary
    /// need) with the requester as responsible person and their department as owner. A temporary
    /// need opens a loan per device, due at the end of the needed-until day, so the device comes back
    /// through the return inspection (EQ-03) like any other loan; <paramref name="condition"/> is the
    /// condition it leaves in.
    /// </summary>
    public async Task<Result<AssetRequest>> FulfilAsync(
        long id, IReadOnlyList<long>? assetIds, string? condition, AssetRequestPrecondition? precondition, CancellationToken cancellationToken)
    {
        var caller = await RequireCallerAsync(cancellationToken);
        var request = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(AssetRequestErrors.NotFound);
        }

        if (precondition?.Invoke(request) is { } failed)
        {
            return failed;
        }

        var ids = (assetIds ?? []).Distinct().ToList();
        if (request.RefusalToFulfil(ids.Count) is { } refused)
        {
            return refused;
        }

        var assets = new List<Asset>();
        foreach (var assetId in ids)
        {
            var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.FulfilRequests, cancellationToken);
            if (!loaded.Succeeded)
            {
                return Error.Invalid(AssetErrors.NotFound, "assetIds");
            }

            var asset = loaded.Value!;
            if (asset.TypeId != request.TypeId)
            {
                return Error.Conflict(AssetRequestErrors.WrongType, AssetRequestErrors.Requirement, asset.Tag);
            }

            if (!asset.IsAvailable)
            {
                return Error.Conflict(AssetRequestErrors.NotInStock, AssetRequestErrors.Requirement, asset.Tag);
            }

            assets.Add(asset);
        }

        var outCondition = string.IsNullOrWhiteSpace(condition) ? UnrecordedCondition : condition.Trim();
        if (outCondition.Length > AssetLoan.TextMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidCondition, "condition", AssetLoan.TextMaxLength);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = await people.FindAsync(request.PersonId, cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (request.Fulfil(ids, caller.Id, now) is { } notFulfilled)
            {
                return notFulfilled;
            }

            foreach (var asset in assets)
            {
                var until = request.NeededUntil is { } end ? string.Create(CultureInfo.InvariantCulture, $"，借用至 {end:yyyy-MM-dd}") : string.Empty;
                history.Record(asset.Id, AssetEventKind.Assigned, $"按申领 {request.Code} 发放给 {person?.Name}（{person?.EmployeeNumber}）{until}", caller.Id, "asset-request", request.Id);
                if (request.NeededUntil is { } lastDay && person is not null)
                {
                    // Lent before it passes to the requester, so the loan keeps where it belongs for its return.
                    var lent = await loans.OpenAsync(asset, person, hospital.StartOfDayUtc(lastDay.AddDays(1)), outCondition, null, caller.Id, now, cancellationToken);
                    if (!lent.Succeeded)
                    {
                        return lent.Error!;
                    }
                }
                else if (asset.SetStatus(AssetStatus.InUse) is { } refused)
                {
                    return refused;
                }

                var handedOut = asset.AssignTo(request.PersonId, request.DepartmentId).Error;
                if (handedOut is not null)
                {
                    return handedOut;
                }

                asset.UpdatedAt = now;
            }

            var text = notifier.Text("notice.asset_request.fulfilled", request.Code, request.FulfilledCount, request.Quantity);
            await notifier.NotifyAsync(new NotificationMessage(FulfilledKind, text, string.Join("、", assets.Select(a => a.Tag)), Link(request.Id)), Requesters(request), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetRequest>.Success(request);
        }, cancellationToken);
    }

    /// <summary>IT closes an approved request short of its quantity, saying why; the requester is told.</summary>
    public async Task<Result<AssetRequest>> CloseAsync(long id, string? reason, AssetRequestPrecondition? precondition, CancellationToken cancellationToken)
    {
        var caller = await RequireCallerAsync(cancellationToken);
        var request = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(AssetRequestErrors.NotFound);
        }

        if (precondition?.Invoke(request) is { } failed)
        {
            return failed;
        }

        if (request.Close(reason, caller.Id, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            await db.Entry(request).ReloadAsync(cancellationToken);
            return refused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var text = notifier.Text("notice.asset_request.closed", request.Code, request.FulfilledCount, request.Quantity);
            await notifier.NotifyAsync(new NotificationMessage(FulfilledKind, text, request.CloseReason, Link(request.Id)), Requesters(request), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetRequest>.Success(request);
        }, cancellationToken);
    }

    /// <summary>Who hears of a request's progress: the person it is for (when they have an account) and whoever filed it.</summary>
    public static IReadOnlyCollection<long> Requesters(AssetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. new[] { request.PersonAccountId, request.FiledById }.OfType<long>().Distinct()];
    }

    private async Task<Caller> RequireCallerAsync(CancellationToken cancellationToken) =>
        await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A device request needs a signed-in caller.");
}
