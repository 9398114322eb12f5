using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Assets.Register;

/// <summary>
/// Loads the register's assets within the caller's department scope: a department-scoped reader
/// reaches its own departments' devices only, and anything else is not found (404). Every part of
/// the module loads assets through here so the scope is applied once, the same way.
/// </summary>
public sealed class AssetRegister(XinkeDb db, DepartmentScope scope)
{
    /// <summary>The assets the caller reaches with <paramref name="permission"/>, untracked.</summary>
    public Task<IQueryable<Asset>> VisibleAsync(string permission, CancellationToken cancellationToken) =>
        scope.ApplyAsync(db.Set<Asset>().AsNoTracking(), permission, a => (long?)a.OwningDepartmentId, cancellationToken);

    /// <summary>One asset as the caller may read it, untracked; null when missing or out of scope.</summary>
    public async Task<Asset?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(AssetsPermissions.Read, cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// One asset, tracked for a change, when the caller reaches it with <paramref name="permission"/>;
    /// otherwise <c>asset.not_found</c> (out of scope looks the same as missing).
    /// </summary>
    public async Task<Result<Asset>> LoadForChangeAsync(long id, string permission, CancellationToken cancellationToken)
    {
        var departments = await scope.DepartmentsAsync(permission, cancellationToken);
        var asset = await db.Set<Asset>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null || (departments is not null && !departments.Contains(asset.OwningDepartmentId)))
        {
            return Error.NotFound(AssetErrors.NotFound);
        }

        return asset;
    }

    public Task<AssetType?> TypeAsync(long typeId, CancellationToken cancellationToken) =>
        db.Set<AssetType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken);

    public async Task<IReadOnlyList<AssetType>> TypesAsync(CancellationToken cancellationToken) =>
        await db.Set<AssetType>().AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// What an asset's record shows by name — its type's code and its owning department's name —
    /// read in one statement: both lists are small, and the register reads them for every answer.
    /// </summary>
    public async Task<AssetNames> NamesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<AssetType>().AsNoTracking().Select(t => new { IsType = true, t.Id, Name = t.Code })
            .Concat(db.Set<Department>().AsNoTracking().Select(d => new { IsType = false, d.Id, d.Name }))
            .ToListAsync(cancellationToken);
        return new AssetNames(
            rows.Where(r => r.IsType).ToDictionary(r => r.Id, r => r.Name),
            rows.Where(r => !r.IsType).ToDictionary(r => r.Id, r => r.Name));
    }

    /// <summary>Department names by id, for showing owners; the hospital's tree is small.</summary>
    public async Task<IReadOnlyDictionary<long, string>> DepartmentNamesAsync(CancellationToken cancellationToken) =>
        await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
}
