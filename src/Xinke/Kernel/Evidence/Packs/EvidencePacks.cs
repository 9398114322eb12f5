using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// Packs asked for from the web: recorded as queued, built in the background by
/// <see cref="EvidencePackWorker"/>, kept in the packs folder (outside wwwroot, in the data
/// folder by default) until <see cref="EvidencePackOptions.RetentionDays"/> have passed.
/// </summary>
public sealed class EvidencePacks(
    XinkeDb db,
    RequirementCatalogue catalogue,
    EvidencePackBuilder builder,
    EvidencePackWorker queue,
    ActorAccessor actors,
    DataFolder dataFolder,
    TimeProvider clock,
    IOptions<EvidencePackOptions> options)
{
    /// <summary>The failure of a pack whose build was abandoned (see <see cref="FailAbandonedAsync"/>).</summary>
    public const string AbandonedFailure = "Abandoned";

    public string Folder => options.Value.Folder is { Length: > 0 } folder ? Path.GetFullPath(folder) : dataFolder.PathOf("evidence-packs");

    public IQueryable<EvidencePack> Packs() => db.Set<EvidencePack>().AsNoTracking();

    public string PathOf(EvidencePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return Path.Combine(Folder, pack.FileName);
    }

    public async Task<Result<EvidencePack>> RequestAsync(PackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate(catalogue) is { } error)
        {
            return error;
        }

        var actor = actors.Current;
        var pack = new EvidencePack
        {
            RequestedById = actor.Id,
            RequestedBy = actor.Name,
            From = request.From,
            To = request.To,
            DepartmentId = request.DepartmentId,
            RequirementIds = string.Join(',', request.Selected(catalogue).Count == catalogue.Requirements.Count ? [] : request.Selected(catalogue)),
            Status = EvidencePackStatus.Queued,
            Total = request.Selected(catalogue).Count,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (pack.RequirementIds.Length > EvidencePack.RequirementIdsMaxLength)
        {
            return Error.Invalid(PackRequest.UnknownRequirement, "requirementIds");
        }

        db.Add(pack);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(pack.Id);
        return pack;
    }

    /// <summary>Builds a queued pack (claimed first, so two instances never build the same one) into the packs folder.</summary>
    public async Task RunAsync(long id, CancellationToken cancellationToken)
    {
        var claimed = await db.Set<EvidencePack>().Where(p => p.Id == id && p.Status == EvidencePackStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, EvidencePackStatus.Running), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var pack = await db.Set<EvidencePack>().AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        Directory.CreateDirectory(Folder);
        var path = PathOf(pack);
        var temporary = path + ".tmp";
        using var actor = ActorAccessor.Use(pack.Requester);
        try
        {
            BuiltPack built;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                built = await builder.BuildAsync(pack.Request, pack.RequestedBy, file, progress => db.Set<EvidencePack>().Where(p => p.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Done, progress.Done).SetProperty(p => p.Total, progress.Total), cancellationToken), cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
            var now = clock.GetUtcNow().UtcDateTime;
            var size = new FileInfo(path).Length;
            await db.Set<EvidencePack>().Where(p => p.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.Status, EvidencePackStatus.Ready).SetProperty(p => p.FinishedAt, now)
                    .SetProperty(p => p.ExpiresAt, now.AddDays(options.Value.RetentionDays)).SetProperty(p => p.Size, size).SetProperty(p => p.ManifestSm3, built.ManifestSm3),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            File.Delete(temporary);
            var failure = FailureOf(ex);
            await db.Set<EvidencePack>().Where(p => p.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(p => p.Status, EvidencePackStatus.Failed).SetProperty(p => p.Failure, failure).SetProperty(p => p.FinishedAt, clock.GetUtcNow().UtcDateTime),
                CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// The exception and its causes by type (a timeout shows under the driver's own exception);
    /// messages stay in the log, as they can quote the records being read.
    /// </summary>
    private static string FailureOf(Exception exception)
    {
        var types = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            types.Add(current.GetType().Name);
        }

        var failure = string.Join(" < ", types);
        return failure.Length <= EvidencePack.FailureMaxLength ? failure : failure[..EvidencePack.FailureMaxLength];
    }

    /// <summary>
    /// Marks failed the packs still running long after they were asked for: the instance building
    /// them stopped mid-way (a restart, a crash) and nothing else would ever finish or fail them,
    /// leaving the requester watching a progress bar forever. They can be asked for again.
    /// </summary>
    public async Task<int> FailAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var startedBefore = now.AddHours(-options.Value.AbandonedAfterHours);
        return await db.Set<EvidencePack>().Where(p => p.Status == EvidencePackStatus.Running && p.CreatedAt <= startedBefore).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Status, EvidencePackStatus.Failed).SetProperty(p => p.Failure, AbandonedFailure).SetProperty(p => p.FinishedAt, now),
            cancellationToken);
    }

    /// <summary>Deletes the files of packs past their retention and marks them expired.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Set<EvidencePack>().AsNoTracking().Where(p => p.Status == EvidencePackStatus.Ready && p.ExpiresAt <= now).ToListAsync(cancellationToken);
        foreach (var pack in expired)
        {
            File.Delete(PathOf(pack));
            await db.Set<EvidencePack>().Where(p => p.Id == pack.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, EvidencePackStatus.Expired), cancellationToken);
        }

        return expired.Count;
    }
}
