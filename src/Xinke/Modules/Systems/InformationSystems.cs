using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.Systems;

/// <summary>The register's public face for other modules: read-only lookups of the systems.</summary>
public sealed class InformationSystems(XinkeDb db)
{
    public Task<SystemSummary?> FindAsync(long id, CancellationToken cancellationToken) =>
        Summaries(db.Set<InformationSystem>().Where(s => s.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SystemSummary>> FindManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        await Summaries(db.Set<InformationSystem>().Where(s => ids.Contains(s.Id))).ToListAsync(cancellationToken);

    /// <summary>Systems that are not retired, by code.</summary>
    public async Task<IReadOnlyList<SystemSummary>> InServiceAsync(CancellationToken cancellationToken) =>
        await Summaries(db.Set<InformationSystem>().Where(s => s.Status != SystemStatus.Retired).OrderBy(s => s.Code)).ToListAsync(cancellationToken);

    /// <summary>Filter and order the systems before projecting: EF cannot translate members of a record built by its constructor.</summary>
    private static IQueryable<SystemSummary> Summaries(IQueryable<InformationSystem> systems) =>
        systems.Select(s => new SystemSummary(
            s.Id, s.Code, s.Name, s.OwnerDepartmentId, s.ProtectionLevel, s.Criticality, s.Criticality == SystemCriticality.Critical, s.RtoMinutes, s.RpoMinutes, s.Status));
}
