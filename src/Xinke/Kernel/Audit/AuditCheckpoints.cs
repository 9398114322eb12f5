using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Writes signed checkpoints of the chain's head to the checkpoint folder (meant for external
/// or write-once media) and reads the latest one back, refusing any not signed by this
/// installation's key.
/// </summary>
public sealed class AuditCheckpoints(XinkeDb db, InstallationKey key, IOptions<AuditOptions> options, DataFolder dataFolder, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder => options.Value.CheckpointFolder is { Length: > 0 } folder ? Path.GetFullPath(folder) : dataFolder.PathOf("audit-checkpoints");

    /// <summary>Writes a checkpoint of the current head; null when the chain is empty.</summary>
    public async Task<Checkpoint?> ExportAsync(CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is null || head.Sequence == 0)
        {
            return null;
        }

        var createdAt = CanonicalForm.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var signature = key.Sign(Checkpoint.Message(head.Sequence, head.Hash, head.Algorithm, createdAt));
        var checkpoint = new Checkpoint(head.Sequence, head.Hash, head.Algorithm, createdAt, key.PublicKey, Convert.ToBase64String(signature));
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"checkpoint-{head.Sequence:D12}.json");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(checkpoint, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return checkpoint;
    }

    /// <summary>The newest checkpoint that this installation signed, or null when there is none.</summary>
    public async Task<Checkpoint?> LatestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "checkpoint-*.json").Order(StringComparer.Ordinal).Reverse())
        {
            var checkpoint = JsonSerializer.Deserialize<Checkpoint>(await File.ReadAllTextAsync(file, cancellationToken), Json);
            if (checkpoint is not null
                && checkpoint.PublicKey == key.PublicKey
                && InstallationKey.Verify(checkpoint.PublicKey, checkpoint.SignedBytes(), Convert.FromBase64String(checkpoint.Signature)))
            {
                return checkpoint;
            }
        }

        return null;
    }
}
