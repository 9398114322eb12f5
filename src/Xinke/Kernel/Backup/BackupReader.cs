using System.Formats.Tar;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Backup;

/// <summary>
/// Reads a sealed backup once, front to back, handing each entry's bytes on while their SM3 is
/// taken, and proves at the end that the entries are exactly those of the manifest.
/// </summary>
public static class BackupReader
{
    /// <summary>Hands each entry to <paramref name="write"/> (null: read and check only) and returns the checked manifest.</summary>
    public static async Task<BackupManifest> ReadAsync(Stream input, BackupSecret secret, Func<string, Stream, Task>? write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(secret);
        var format = await SealedFormat.ReadHeaderAsync(input, secret, cancellationToken);
        await using var content = new UnsealingStream(input, format);
        var seen = new Dictionary<string, BackupEntry>(StringComparer.Ordinal);
        BackupManifest? manifest = null;
        try
        {
            await using var tar = new TarReader(content, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (manifest is not null)
                {
                    throw new BackupException(BackupErrors.ManifestMismatch, $"The backup holds {entry.Name} after its manifest.");
                }

                if (entry.EntryType != TarEntryType.RegularFile || !IsSafe(entry.Name))
                {
                    throw new BackupException(BackupErrors.ManifestMismatch, $"The backup holds an entry it must not: {entry.Name}.");
                }

                var data = entry.DataStream ?? Stream.Null;
                if (entry.Name == BackupManifest.EntryName)
                {
                    using var json = new MemoryStream();
                    await data.CopyToAsync(json, cancellationToken);
                    manifest = BackupManifest.Parse(json.ToArray());
                    continue;
                }

                if (!seen.TryAdd(entry.Name, await PassAsync(entry.Name, data, write, cancellationToken)))
                {
                    throw new BackupException(BackupErrors.ManifestMismatch, $"The backup holds {entry.Name} twice.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new BackupException(BackupErrors.WrongSecretOrDamaged, "The backup's content is not a readable archive.", ex);
        }

        if (manifest is null)
        {
            throw new BackupException(BackupErrors.ManifestMismatch, "The backup has no manifest: it is incomplete.");
        }

        Compare(manifest, seen);
        return manifest;
    }

    private static async Task<BackupEntry> PassAsync(string name, Stream data, Func<string, Stream, Task>? write, CancellationToken cancellationToken)
    {
        var hasher = new Sm3Hasher();
        var counted = new HashingReadStream(data, hasher);
        if (write is null)
        {
            await counted.CopyToAsync(Stream.Null, cancellationToken);
        }
        else
        {
            await write(name, counted);
            await counted.CopyToAsync(Stream.Null, cancellationToken);
        }

        return new BackupEntry(name, counted.BytesRead, hasher.HexDigest());
    }

    private static void Compare(BackupManifest manifest, Dictionary<string, BackupEntry> seen)
    {
        var problems = new List<string>();
        foreach (var expected in manifest.Entries)
        {
            if (!seen.Remove(expected.Path, out var actual))
            {
                problems.Add($"missing {expected.Path}");
            }
            else if (actual.Size != expected.Size || !string.Equals(actual.Sm3, expected.Sm3, StringComparison.Ordinal))
            {
                problems.Add($"changed {expected.Path}");
            }
        }

        problems.AddRange(seen.Keys.Select(extra => $"not in the manifest {extra}"));
        if (problems.Count > 0)
        {
            throw new BackupException(BackupErrors.ManifestMismatch, "The backup does not match its manifest: " + string.Join("; ", problems.Take(20)));
        }
    }

    /// <summary>Relative, forward-slashed, inside one of the backup's own folders: nothing can be written outside the target.</summary>
    private static bool IsSafe(string name) =>
        name.Length is > 0 and < 512
        && !name.StartsWith('/')
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Split('/').Any(part => part is "" or "." or "..");
}
