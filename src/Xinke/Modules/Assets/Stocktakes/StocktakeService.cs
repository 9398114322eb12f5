using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Stocktakes;

/// <summary>
/// Stocktakes, one transaction per use case: starting snapshots the assets the register puts at the
/// location (scrapped ones aside); a scan marks an asset found or unexpected; finishing keeps the
/// figures and writes a Stocktake event on the timeline of every asset found.
/// </summary>
public sealed class StocktakeService(XinkeDb db, AssetRegister register, AssetHistory history, HumanCodes codes, CurrentCaller current, TimeProvider clock)
{
    public IQueryable<Stocktake> All() => db.Set<Stocktake>().AsNoTracking();

    public Task<Stocktake?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Stocktake>().AsNoTracking().Include(s => s.Lines).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<Result<Stocktake>> StartAsync(StocktakeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var location = new AssetLocation(input.Campus, input.Building, input.Floor, input.Room, null, null).Normalized();
        if (location.Campus is null)
        {
            return Error.Invalid(StocktakeErrors.InvalidLocation, "campus");
        }

        if (location.TooLongField() is { } longField)
        {
            return Error.Invalid(StocktakeErrors.InvalidLocation, longField);
        }

        // A prefix: a part is given only under the parts above it.
        if ((location.Building is null && (location.Floor ?? location.Room) is not null) || (location.Floor is null && location.Room is not null))
        {
            return Error.Invalid(StocktakeErrors.InvalidLocation, location.Building is null ? "building" : "floor");
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A stocktake needs a signed-in caller.");
        var assets = (await register.VisibleAsync(AssetsPermissions.Stocktake, cancellationToken))
            .Where(a => a.Status != AssetStatus.Scrapped && a.Campus == location.Campus);
        if (location.Building is { } building)
        {
            assets = assets.Where(a => a.Building == building);
        }

        if (location.Floor is { } floor)
        {
            assets = assets.Where(a => a.Floor == floor);
        }

        if (location.Room is { } room)
        {
            assets = assets.Where(a => a.Room == room);
        }

        var expected = await assets.OrderBy(a => a.Id).Select(a => new { a.Id, a.Tag }).ToListAsync(cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var stocktake = new Stocktake
            {
                Code = await codes.NextAsync(Stocktake.CodeKind, cancellationToken),
                Campus = location.Campus,
                Building = location.Building,
                Floor = location.Floor,
                Room = location.Room,
                StartedAt = clock.GetUtcNow().UtcDateTime,
                StartedById = caller.Id,
                Lines = [.. expected.Select(a => new StocktakeLine { AssetId = a.Id, Tag = a.Tag, Expected = true })],
            };
            db.Add(stocktake);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Stocktake>.Success(stocktake);
        }, cancellationToken);
    }

    /// <summary>Marks the asset with <paramref name="input"/>'s tag found; an unknown tag is refused (400), a finished stocktake too (409).</summary>
    public async Task<Result<StocktakeLine>> ScanAsync(long id, ScanInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stocktake = await db.Set<Stocktake>().Include(s => s.Lines).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stocktake is null)
        {
            return Error.NotFound(StocktakeErrors.NotFound);
        }

        if (stocktake.IsFinished)
        {
            return Error.Conflict(StocktakeErrors.Finished);
        }

        var tag = input.Tag?.Trim();
        var asset = string.IsNullOrEmpty(tag) || tag.Length > Asset.TagMaxLength
            ? null
            : await (await register.VisibleAsync(AssetsPermissions.Stocktake, cancellationToken)).Where(a => a.Tag == tag).Select(a => new { a.Id, a.Tag }).SingleOrDefaultAsync(cancellationToken);
        if (asset is null)
        {
            return Error.Invalid(StocktakeErrors.UnknownTag, "tag");
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A scan needs a signed-in caller.");
        var scanned = stocktake.Scan(asset.Id, asset.Tag, caller.Id, clock.GetUtcNow().UtcDateTime);
        if (!scanned.Succeeded)
        {
            return scanned.Error!;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            return scanned;
        }, cancellationToken);
    }

    public async Task<Result<Stocktake>> FinishAsync(long id, Func<Stocktake, Error?>? precondition, CancellationToken cancellationToken)
    {
        var stocktake = await db.Set<Stocktake>().Include(s => s.Lines).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stocktake is null)
        {
            return Error.NotFound(StocktakeErrors.NotFound);
        }

        if (precondition?.Invoke(stocktake) is { } failed)
        {
            return failed;
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("Finishing a stocktake needs a signed-in caller.");
        if (stocktake.Finish(caller.Id, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            foreach (var line in stocktake.Lines.Where(l => l.Found))
            {
                var text = line.Expected ? $"盘点 {stocktake.Code}：在 {stocktake.LocationText} 盘到" : $"盘点 {stocktake.Code}：在 {stocktake.LocationText} 盘到（台账位置不符）";
                history.Record(line.AssetId, AssetEventKind.Stocktake, text, caller.Id, "stocktake", stocktake.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Result<Stocktake>.Success(stocktake);
        }, cancellationToken);
    }
}
