using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Xinke.Data;

/// <summary>
/// EF Core caches one model per context type and process. Hosts in one process (the
/// integration tests) may compose different model parts, so the parts are part of the key.
/// </summary>
public sealed class XinkeModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is XinkeDb xinke ? (context.GetType(), xinke.ModelKey, designTime) : (context.GetType(), designTime);
}
