using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Moves events older than the retention out of the database into a signed archive file — the
/// only way an audit event ever leaves the table. The archived events are verified first, the
/// file is written and flushed before anything is deleted, and the move is itself audited. The
/// chain stays verifiable across the cut: the newest archive says which hash the first event
/// left in the database must link to.
/// </summary>
public sealed class AuditArchive(XinkeDb db, InstallationKey key, AuditLog log, IOptions<AuditOptions> options, DataFolder dataFolder, TimeProvider clock, HospitalClock hospitalClock)
{
    public const string TooRecent = "audit.archive.within_retention";
    public const string ChainBroken = "audit.archive.chain_broken";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Folder => options.Value.ArchiveFolder is { Length: > 0 } folder ? Path.GetFullPath(folder) : dataFolder.PathOf("audit-archives");

    /// <summary>
    /// Archives the oldest events, up to (not including) the first one that occurred at or after
    /// the start of <paramref name="before"/> (hospital time): a prefix of the chain, all older than the cutoff.
    /// </summary>
    public async Task<Result<ArchiveManifest?>> ArchiveAsync(DateOnly before, CancellationToken cancellationToken)
    {
        var cutoff = TimeZoneInfo.ConvertTimeToUtc(before.ToDateTime(TimeOnly.MinValue), hospitalClock.Zone);
        var retentionStart = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.RetentionDays);
        if (cutoff > retentionStart)
        {
            return Error.Conflict(TooRecent, null, options.Value.RetentionDays);
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var oldest = await db.Set<AuditEvent>().MinAsync(e => (long?)e.Sequence, cancellationToken);
        if (head is null || oldest is not { } first)
        {
            return Result<ArchiveManifest?>.Success(null);
        }

        // Times do not grow with the sequence (history appended later, clock steps): the cut is
        // before the first event at or after the cutoff, never past it, so nothing newer leaves.
        var firstKept = await db.Set<AuditEvent>().Where(e => e.OccurredAt >= cutoff).MinAsync(e => (long?)e.Sequence, cancellationToken);
        var last = firstKept - 1 ?? await db.Set<AuditEvent>().MaxAsync(e => e.Sequence, cancellationToken);
        if (last < first)
        {
            return Result<ArchiveManifest?>.Success(null);
        }

        var previous = await LatestAsync(cancellationToken);
        var previousHash = first == 1 ? ChainHash.Genesis : previous?.LastSequence == first - 1 ? previous.LastHash : null;
        if (previousHash is null)
        {
            return Error.Conflict(ChainBroken);
        }

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"audit-archive-{first:D12}-{last:D12}.zip");
        var temporary = path + ".tmp";
        var manifest = await WriteAsync(temporary, first, last, previousHash, head.Algorithm, cancellationToken);
        if (manifest is null)
        {
            File.Delete(temporary);
            return Error.Conflict(ChainBroken);
        }

        File.Move(temporary, path, overwrite: false);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" <= {manifest.LastSequence}""", cancellationToken);
        await log.RecordAsync("audit_archived", AuditOutcome.Success, cancellationToken, details: JsonSerializer.Serialize(new { manifest.FirstSequence, manifest.LastSequence, manifest.LastHash, manifest.EventsSm3, File = Path.GetFileName(path) }, Json));
        await transaction.CommitAsync(cancellationToken);
        return manifest;
    }

    /// <summary>The newest archive signed by this installation, whose events verify; null when there is none.</summary>
    public async Task<ArchiveManifest?> LatestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(Folder, "audit-archive-*.zip").Order(StringComparer.Ordinal).Reverse())
        {
            var manifest = await ReadVerifiedAsync(file, cancellationToken);
            if (manifest is not null)
            {
                return manifest;
            }
        }

        return null;
    }

    /// <summary>Reads an archive and checks its signature, its file digest and its events' chain; null when any fails.</summary>
    public async Task<ArchiveManifest?> ReadVerifiedAsync(string file, CancellationToken cancellationToken)
    {
        await using var zip = await ZipFile.OpenReadAsync(file, cancellationToken);
        var manifestEntry = zip.GetEntry(ArchiveManifest.ManifestEntry);
        var eventsEntry = zip.GetEntry(ArchiveManifest.EventsEntry);
        if (manifestEntry is null || eventsEntry is null)
        {
            return null;
        }

        ArchiveManifest? manifest;
        await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
        {
            manifest = await JsonSerializer.DeserializeAsync<ArchiveManifest>(stream, Json, cancellationToken);
        }

        if (manifest is null
            || manifest.PublicKey != key.PublicKey
            || !InstallationKey.Verify(manifest.PublicKey, manifest.SignedBytes(), Convert.FromBase64String(manifest.Signature)))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await using (var stream = await eventsEntry.OpenAsync(cancellationToken))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        if (ChainHash.Compute(ChainHash.Sm3, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) != manifest.EventsSm3)
        {
            return null;
        }

        buffer.Position = 0;
        var previousHash = manifest.PreviousHash;
        var expected = manifest.FirstSequence;
        using var reader = new StreamReader(buffer);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var e = JsonSerializer.Deserialize<AuditEvent>(line, Json);
            if (e is null || e.Sequence != expected || e.PreviousHash != previousHash || ChainHash.Compute(manifest.Algorithm, CanonicalForm.Of(e)) != e.Hash)
            {
                return null;
            }

            previousHash = e.Hash;
            expected++;
        }

        return expected - 1 == manifest.LastSequence && previousHash == manifest.LastHash ? manifest : null;
    }

    private async Task<ArchiveManifest?> WriteAsync(string path, long first, long last, string previousHash, string algorithm, CancellationToken cancellationToken)
    {
        var eventsFile = path + ".events";
        var hash = previousHash;
        long count = 0;
        try
        {
            await using (var events = new StreamWriter(eventsFile))
            {
                var expected = first;
                await foreach (var e in db.Set<AuditEvent>().AsNoTracking().Where(e => e.Sequence <= last).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    // Only a chain that verifies is moved out of the database.
                    if (e.Sequence != expected || e.PreviousHash != hash || ChainHash.Compute(algorithm, CanonicalForm.Of(e)) != e.Hash)
                    {
                        return null;
                    }

                    await events.WriteLineAsync(JsonSerializer.Serialize(e, Json).AsMemory(), cancellationToken);
                    hash = e.Hash;
                    expected++;
                    count++;
                }
            }

            if (count != last - first + 1)
            {
                return null;
            }

            var digest = ChainHash.Compute(ChainHash.Sm3, await File.ReadAllBytesAsync(eventsFile, cancellationToken));
            var createdAt = CanonicalForm.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
            var unsigned = new ArchiveManifest(first, last, hash, previousHash, algorithm, count, digest, createdAt, key.PublicKey, string.Empty);
            var manifest = unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.SignedBytes())) };
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
                {
                    await zip.CreateEntryFromFileAsync(eventsFile, ArchiveManifest.EventsEntry, CompressionLevel.Optimal, cancellationToken);
                    var entry = zip.CreateEntry(ArchiveManifest.ManifestEntry);
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    await JsonSerializer.SerializeAsync(stream, manifest, Json, cancellationToken);
                }

                // On disk before a single event is deleted.
                output.Flush(flushToDisk: true);
            }

            return manifest;
        }
        finally
        {
            File.Delete(eventsFile);
        }
    }
}
