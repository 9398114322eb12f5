using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.Assets.Register;

/// <summary>
/// The register's public face for other modules (faults, changes, machine rooms): read-only look-ups
/// of assets, without department scoping — the calling module applies its own rules to what it shows.
/// </summary>
public sealed class AssetDirectory(XinkeDb db)
{
    public Task<bool> ExistsAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Asset>().AnyAsync(a => a.Id == id, cancellationToken);

    public async Task<AssetSummary?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await SummariesAsync(db.Set<Asset>().Where(a => a.Id == id), cancellationToken)).SingleOrDefault();

    public async Task<AssetSummary?> FindByTagAsync(string tag, CancellationToken cancellationToken)
    {
        var text = tag?.Trim() ?? string.Empty;
        return (await SummariesAsync(db.Set<Asset>().Where(a => a.Tag == text), cancellationToken)).SingleOrDefault();
    }

    public Task<IReadOnlyList<AssetSummary>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        SummariesAsync(db.Set<Asset>().Where(a => ids.Contains(a.Id)), cancellationToken);

    // The location line is put together after the query: EF cannot translate string.Join over the parts.
    private async Task<IReadOnlyList<AssetSummary>> SummariesAsync(IQueryable<Asset> assets, CancellationToken cancellationToken)
    {
        var rows = await (from asset in assets.AsNoTracking()
                          join type in db.Set<AssetType>() on asset.TypeId equals type.Id
                          orderby asset.Id
                          select new { Asset = asset, TypeCode = type.Code })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AssetSummary(
            r.Asset.Id, r.Asset.Tag, r.TypeCode, r.Asset.Name, r.Asset.Status, r.Asset.OwningDepartmentId, r.Asset.ResponsiblePersonId,
            r.Asset.Location.Text, r.Asset.IsKeyDevice, r.Asset.HoldsData))];
    }
}
