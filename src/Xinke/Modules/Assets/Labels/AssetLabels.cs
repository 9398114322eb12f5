using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Labels;

/// <summary>The labels of the assets chosen by tags or by the register's list filters, within the reader's department scope.</summary>
public sealed class AssetLabels(XinkeDb db, AssetRegister register)
{
    /// <summary>At most this many labels in one print: twenty-odd sheets.</summary>
    public const int MaxLabels = 500;

    /// <summary>The assets with these tags the caller reaches, in the order given; unknown or out-of-scope tags are left out.</summary>
    public async Task<IReadOnlyList<AssetLabel>> ForTagsAsync(IReadOnlyList<string> tags, string origin, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var wanted = tags.Select(t => t.Trim()).Where(t => t.Length is > 0 and <= Asset.TagMaxLength).Distinct(StringComparer.Ordinal).Take(MaxLabels).ToList();
        var assets = (await register.VisibleAsync(AssetsPermissions.Read, cancellationToken)).Where(a => wanted.Contains(a.Tag));
        var labels = await LabelsAsync(assets, origin, culture, cancellationToken);
        return [.. labels.OrderBy(l => wanted.IndexOf(l.Tag))];
    }

    /// <summary>The assets the register's list would show with these filters, in tag order.</summary>
    public async Task<Result<IReadOnlyList<AssetLabel>>> ForFilterAsync(AssetFilter filter, string? q, string origin, string culture, CancellationToken cancellationToken)
    {
        var query = await AssetsApi.QueryAsync(register, filter, q, cancellationToken);
        if (!query.Succeeded)
        {
            return query.Error!;
        }

        var labels = await LabelsAsync(query.Value!.OrderBy(a => a.Tag).Take(MaxLabels), origin, culture, cancellationToken);
        return Result<IReadOnlyList<AssetLabel>>.Success([.. labels.OrderBy(l => l.Tag, StringComparer.Ordinal)]);
    }

    private async Task<IReadOnlyList<AssetLabel>> LabelsAsync(IQueryable<Asset> assets, string origin, string culture, CancellationToken cancellationToken)
    {
        var departments = await register.DepartmentNamesAsync(cancellationToken);
        var rows = await (from asset in assets
                          join type in db.Set<AssetType>() on asset.TypeId equals type.Id
                          select new { Asset = asset, Type = type })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AssetLabel(
            r.Asset.Tag,
            r.Asset.Name,
            r.Type.NameIn(culture),
            departments.GetValueOrDefault(r.Asset.OwningDepartmentId, string.Empty),
            AssetQrCodes.ScanUrl(origin, r.Asset.Tag)))];
    }
}
