using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Assets.History;

/// <summary>
/// Writes an asset's timeline. <see cref="Record"/> only adds the event to the caller's unit of
/// work: it is stored by the same SaveChanges as the change it tells of, or not at all.
/// </summary>
public sealed class AssetHistory(XinkeDb db, TimeProvider clock, CurrentCaller caller)
{
    /// <summary>Adds an event for <paramref name="assetId"/> (which may be an asset added in the same unit of work: pass its id after saving, or use the overload with the entity).</summary>
    public async Task<AssetEvent> RecordAsync(long assetId, AssetEventKind kind, string text, string? refKind = null, long? refId = null, CancellationToken cancellationToken = default)
    {
        var actor = await caller.GetAsync(cancellationToken);
        return Record(assetId, kind, text, actor?.Id, refKind, refId);
    }

    /// <summary>Adds an event with a known actor (or none), without looking up the caller: bulk paths and jobs.</summary>
    public AssetEvent Record(long assetId, AssetEventKind kind, string text, long? actorAccountId, string? refKind = null, long? refId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var entry = new AssetEvent
        {
            AssetId = assetId,
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            Text = text.Length > AssetEvent.TextMaxLength ? text[..AssetEvent.TextMaxLength] : text,
            ActorAccountId = actorAccountId,
            RefKind = refKind,
            RefId = refId,
        };
        db.Add(entry);
        return entry;
    }
}
