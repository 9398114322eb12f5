using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Assets.Hosting;

/// <summary>
/// Which systems an asset hosts. Other modules read it through <see cref="HostsOfAsync"/> (the Systems
/// page lists a system's hardware); the systems are checked through <see cref="InformationSystems"/>,
/// never in the Systems tables. A change is a change of the asset: it bumps its version (If-Match)
/// and goes on its timeline.
/// </summary>
public sealed class AssetHosting(XinkeDb db, AssetRegister register, AssetHistory history, InformationSystems systems, TimeProvider clock)
{
    public const int MaxSystems = 100;

    /// <summary>The assets hosting <paramref name="systemId"/> that the caller may read, by tag.</summary>
    public async Task<IReadOnlyList<AssetHost>> HostsOfAsync(long systemId, CancellationToken cancellationToken)
    {
        var hosting = db.Set<AssetSystem>().Where(h => h.SystemId == systemId).Select(h => h.AssetId);
        var hosts = await (await register.VisibleAsync(AssetsPermissions.Read, cancellationToken))
            .Where(a => hosting.Contains(a.Id))
            .OrderBy(a => a.Tag)
            .Select(a => new { a.Id, a.Tag, a.Make, a.Model, a.Status })
            .ToListAsync(cancellationToken);
        return [.. hosts.Select(a => new AssetHost(a.Id, a.Tag, string.Join(' ', new[] { a.Make, a.Model }.OfType<string>()), a.Status.ToString()))];
    }

    /// <summary>The systems <paramref name="assetId"/> hosts, by code.</summary>
    public async Task<IReadOnlyList<HostedSystem>> SystemsOfAsync(long assetId, CancellationToken cancellationToken)
    {
        var ids = await db.Set<AssetSystem>().AsNoTracking().Where(h => h.AssetId == assetId).Select(h => h.SystemId).ToListAsync(cancellationToken);
        return ids.Count == 0 ? [] : [.. (await systems.FindManyAsync(ids, cancellationToken)).OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new HostedSystem(s.Id, s.Code, s.Name))];
    }

    /// <summary>
    /// Replaces the systems the asset hosts with <paramref name="systemIds"/> (empty clears them).
    /// Each must name a system of the register (400 <c>asset.hosting.unknown_system</c>); a scrapped
    /// asset hosts nothing new, and a retired system is hosted by nothing new (409); links made before
    /// a system retired stay until they are removed.
    /// </summary>
    public async Task<Result<Asset>> SetAsync(long assetId, IReadOnlyList<long>? systemIds, AssetPrecondition? precondition, CancellationToken cancellationToken)
    {
        if (systemIds is null)
        {
            return Error.Invalid(AssetHostingErrors.InvalidSystems, "systemIds", MaxSystems);
        }

        var wanted = systemIds.Distinct().ToList();
        if (wanted.Count > MaxSystems)
        {
            return Error.Invalid(AssetHostingErrors.InvalidSystems, "systemIds", MaxSystems);
        }

        var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Write, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error!;
        }

        var asset = loaded.Value!;
        if (precondition?.Invoke(asset) is { } failed)
        {
            return failed;
        }

        var known = await systems.FindManyAsync(wanted, cancellationToken);
        var unknown = wanted.Where(id => known.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Invalid(AssetHostingErrors.UnknownSystem, "systemIds", unknown[0]);
        }

        var links = await db.Set<AssetSystem>().Where(h => h.AssetId == assetId).ToListAsync(cancellationToken);
        var added = wanted.Where(id => links.All(l => l.SystemId != id)).ToList();
        var removed = links.Where(l => !wanted.Contains(l.SystemId)).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return asset;
        }

        if (asset.IsScrapped && added.Count > 0)
        {
            return Error.Conflict(AssetErrors.Scrapped);
        }

        if (known.Where(s => added.Contains(s.Id)).OrderBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault(s => s.Status == SystemStatus.Retired) is { } retired)
        {
            return Error.Conflict(AssetHostingErrors.RetiredSystem, null, retired.Code);
        }

        var removedSystems = await systems.FindManyAsync([.. removed.Select(l => l.SystemId)], cancellationToken);
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            db.RemoveRange(removed);
            db.AddRange(added.Select(id => new AssetSystem { AssetId = assetId, SystemId = id }));
            asset.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await history.RecordAsync(asset.Id, AssetEventKind.Hosting, Describe(known.Where(s => added.Contains(s.Id)), removedSystems), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Asset>.Success(asset);
        }, cancellationToken);
    }

    private static string Describe(IEnumerable<SystemSummary> added, IEnumerable<SystemSummary> removed)
    {
        static string Names(IEnumerable<SystemSummary> systems) => string.Join("、", systems.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => $"{s.Name}（{s.Code}）"));
        var parts = new List<string>();
        if (Names(added) is { Length: > 0 } on)
        {
            parts.Add($"承载系统：{on}");
        }

        if (Names(removed) is { Length: > 0 } off)
        {
            parts.Add($"不再承载：{off}");
        }

        return string.Join("；", parts);
    }
}
