using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Xinke.Data;

/// <summary>
/// EF Core caches a built model per context type; Xinke's model is made of parts, so the cache
/// key includes which parts made it (a test host that adds a part must not get the plain model).
/// </summary>
public sealed class XinkeModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is XinkeDb xinke ? (context.GetType(), xinke.ModelKey, designTime) : (context.GetType(), designTime);
}
