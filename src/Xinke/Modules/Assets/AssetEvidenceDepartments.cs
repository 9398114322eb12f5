using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Assets;

/// <summary>The departments an evidence question about one department covers: it and those beneath it.</summary>
public static class AssetEvidenceDepartments
{
    /// <summary>A subquery of the department ids inside <paramref name="departmentId"/>, or null when the question is hospital-wide.</summary>
    public static async Task<IQueryable<long>?> InsideAsync(XinkeDb db, long? departmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (departmentId is not { } department)
        {
            return null;
        }

        var path = await db.Set<Department>().AsNoTracking().Where(d => d.Id == department).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
        return db.Set<Department>().Where(d => path != null && d.Path.StartsWith(path)).Select(d => d.Id);
    }
}
