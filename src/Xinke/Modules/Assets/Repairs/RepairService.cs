using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Repairs;

/// <summary>A check a change of a repair must pass first, such as If-Match.</summary>
public delegate Error? RepairPrecondition(AssetRepair repair);

/// <summary>
/// Repairs (EQ-05), one transaction per use case and each on the asset's timeline: recording one
/// puts the asset UnderRepair, finishing it returns the asset to its previous status. Only holders
/// of <see cref="AssetsPermissions.Repair"/> reach these (the endpoints and pages require it).
/// </summary>
public sealed class RepairService(XinkeDb db, AssetRegister register, AssetHistory history, CurrentCaller current, TimeProvider clock)
{
    /// <summary>The repairs whose asset the caller reaches with <paramref name="permission"/>.</summary>
    public async Task<IQueryable<AssetRepair>> VisibleAsync(string permission, CancellationToken cancellationToken)
    {
        var assets = await register.VisibleAsync(permission, cancellationToken);
        return db.Set<AssetRepair>().AsNoTracking().Where(r => assets.Any(a => a.Id == r.AssetId));
    }

    public async Task<Result<AssetRepair>> RecordAsync(RepairInput input, long? loanId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.AssetId is not { } assetId)
        {
            return Error.Invalid(AssetErrors.NotFound, "assetId");
        }

        var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Repair, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value!;
        if (await db.Set<AssetRepair>().AnyAsync(r => r.AssetId == assetId && r.FinishedAt == null, cancellationToken))
        {
            return Error.Conflict(RepairErrors.InProgress, RepairErrors.Requirement);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A repair needs a signed-in caller.");
        var now = clock.GetUtcNow().UtcDateTime;
        var repair = new AssetRepair { AssetId = assetId, Fault = string.Empty, PreviousStatus = asset.Status, RecordedById = caller.Id, LoanId = loanId };
        if (repair.Apply(input, now) is { } invalid)
        {
            return invalid;
        }

        // A device back from a loan goes to the store once repaired, not back on loan.
        if (repair.PreviousStatus == AssetStatus.OnLoan)
        {
            repair.PreviousStatus = AssetStatus.InStock;
        }

        if (asset.SetStatus(AssetStatus.UnderRepair) is { } refused)
        {
            return refused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            asset.UpdatedAt = now;
            db.Add(repair);
            await db.SaveChangesAsync(cancellationToken);
            var who = repair.Kind == RepairKind.Vendor ? $"厂商 {repair.VendorName}（{repair.VendorEngineer}）" : "院内维修";
            history.Record(assetId, AssetEventKind.Repair, $"送修：{repair.Fault}；{who}", caller.Id, "repair", repair.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetRepair>.Success(repair);
        }, cancellationToken);
    }

    public Task<Result<AssetRepair>> EditAsync(long id, RepairInput input, RepairPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (repair, asset, now) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (input.AssetId is { } other && other != repair.AssetId)
            {
                return Error.Invalid(AssetErrors.NotFound, "assetId");
            }

            if (repair.Apply(input, now) is { } invalid)
            {
                return invalid;
            }

            await history.RecordAsync(asset.Id, AssetEventKind.Repair, $"维修记录修改：{repair.Fault}", "repair", repair.Id, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<Result<AssetRepair>> FinishAsync(long id, RepairFinishInput input, RepairPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (repair, asset, now) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if ((repair.Finish(input, now) ?? asset.SetStatus(repair.PreviousStatus)) is { } refused)
            {
                return refused;
            }

            var parts = repair.Parts.Count == 0 ? "无" : string.Join("、", repair.Parts);
            await history.RecordAsync(asset.Id, AssetEventKind.Repair, $"维修完成：更换部件 {parts}；费用 {repair.Cost?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—"}；状态回到 {asset.Status}", "repair", repair.Id, cancellationToken);
            return null;
        }, cancellationToken);

    private async Task<Result<AssetRepair>> ChangeAsync(long id, RepairPrecondition? precondition, Func<AssetRepair, Asset, DateTime, Task<Error?>> change, CancellationToken cancellationToken)
    {
        var repair = await db.Set<AssetRepair>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (repair is null)
        {
            return Error.NotFound(RepairErrors.NotFound);
        }

        var loaded = await register.LoadForChangeAsync(repair.AssetId, AssetsPermissions.Repair, cancellationToken);
        if (!loaded.Succeeded)
        {
            return Error.NotFound(RepairErrors.NotFound);
        }

        if (precondition?.Invoke(repair) is { } failed)
        {
            return failed;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            if (await change(repair, loaded.Value!, now) is { } refused)
            {
                return refused;
            }

            loaded.Value!.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetRepair>.Success(repair);
        }, cancellationToken);
    }
}
