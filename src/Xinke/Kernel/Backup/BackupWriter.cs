using System.Formats.Tar;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Backup;

/// <summary>
/// <c>xinke backup create</c>: while the server runs, one sealed file holding a consistent
/// snapshot of the database, every stored attachment, the audit checkpoints and archives, the
/// installation's keys (SM2 signing, the SM4 field key ring and, when configured, the file key ring), and a manifest of SM3 hashes. The database snapshot comes first; files
/// are never changed or removed once stored, so every file the snapshot names is still there —
/// except by a key rotation moving attachments to a new key, which the <see cref="KeyRingLock"/>
/// keeps out while the backup runs (and the backup out while a rotation runs).
/// </summary>
public sealed class BackupWriter(
    XinkeDb db,
    IDatabaseSnapshot snapshot,
    IFileStore files,
    ICryptoProvider crypto,
    FileCipher fileCipher,
    InstallationKey signingKey,
    AuditCheckpoints checkpoints,
    AuditArchive archive,
    DataFolder dataFolder,
    KeyRingLock keyLock,
    TimeProvider clock,
    ILogger<BackupWriter> logger)
{
    public const string Doing = "backup";

    /// <exception cref="BackupException"><see cref="BackupErrors.KeyRingsBusy"/>: a key rotation (or another backup) runs; nothing was written.</exception>
    public async Task<BackupManifest> CreateAsync(Stream output, BackupSecret secret, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(secret);
        await using var held = await HoldKeyRingsAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, keyLock.Lost);
        cancellationToken = stop.Token;
        var fieldKey = crypto.ExportKeyForBackup()
            ?? throw new BackupException(BackupErrors.BadKey, "The field key stays inside its cryptographic module; back it up with the module's own procedure.");
        var sealing = new SealingStream(output, SealedFormat.New(secret));
        var entries = new List<BackupEntry>();
        var staging = BackupStaging.Create(dataFolder);
        try
        {
            BackupManifest manifest;
            await using (var tar = new TarWriter(sealing, TarEntryFormat.Pax, leaveOpen: true))
            {
                var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
                var migrations = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
                progress?.Report("database");
                var databaseFile = Path.Combine(staging, "database");
                await snapshot.WriteAsync(databaseFile, cancellationToken);
                await AddFileAsync(tar, entries, snapshot.EntryName, databaseFile, cancellationToken);

                progress?.Report("keys");
                await AddBytesAsync(tar, entries, BackupPaths.SigningKey, System.Text.Encoding.ASCII.GetBytes(signingKey.ExportPrivatePem()), cancellationToken);
                await AddBytesAsync(tar, entries, BackupPaths.FieldKey, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(fieldKey)), cancellationToken);
                await AddRetiredAsync(tar, entries, BackupPaths.RetiredFieldKeys, crypto.ExportRetiredKeysForBackup(), cancellationToken);
                if (fileCipher.ExportKeyForBackup() is { } filesKey)
                {
                    await AddBytesAsync(tar, entries, BackupPaths.FilesKey, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(filesKey)), cancellationToken);
                    await AddRetiredAsync(tar, entries, BackupPaths.RetiredFilesKeys, fileCipher.ExportRetiredKeysForBackup(), cancellationToken);
                }

                progress?.Report("audit");
                await AddFolderAsync(tar, entries, BackupPaths.AuditCheckpoints, checkpoints.Folder, cancellationToken);
                await AddFolderAsync(tar, entries, BackupPaths.AuditArchives, archive.Folder, cancellationToken);

                var keys = await db.Set<Attachment>().AsNoTracking().Select(a => a.StorageKey).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);
                var done = 0;
                foreach (var key in keys)
                {
                    await AddStoredAsync(tar, entries, key, staging, cancellationToken);
                    if (++done % 500 == 0 || done == keys.Count)
                    {
                        progress?.Report($"files {done}/{keys.Count}");
                    }
                }

                manifest = new BackupManifest(
                    BackupManifest.CurrentFormat,
                    clock.GetUtcNow(),
                    snapshot.EntryName == BackupPaths.PostgresDump ? "postgres" : "sqlite",
                    await snapshot.ServerMajorAsync(cancellationToken),
                    migrations.LastOrDefault(),
                    head?.Sequence ?? 0,
                    head?.Hash,
                    crypto.KeyId,
                    fileCipher.KeyId,
                    entries);
                await WriteEntryAsync(tar, BackupManifest.EntryName, new MemoryStream(manifest.ToJson()), cancellationToken);
            }

            await sealing.FinishAsync(cancellationToken);
            logger.LogInformation("Backup created: {Entries} entries, audit chain head {Sequence}", entries.Count, manifest.AuditChainSequence);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// No rotation may run between the database snapshot and the last file copied: the keys, the
    /// records and the blobs in the backup must belong together.
    /// </summary>
    private async Task<IAsyncDisposable> HoldKeyRingsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await keyLock.AcquireAsync(Doing, cancellationToken);
        }
        catch (KeyRingBusyException ex)
        {
            throw new BackupException(BackupErrors.KeyRingsBusy, $"A key rotation (or another backup) holds the keys, so this backup was not started: it could not keep the keys, records and files together. {ex.Message}");
        }
    }

    private async Task AddStoredAsync(TarWriter tar, List<BackupEntry> entries, string storageKey, string staging, CancellationToken cancellationToken)
    {
        await using var stored = await files.OpenReadAsync(storageKey, cancellationToken);
        if (stored.CanSeek)
        {
            await AddStreamAsync(tar, entries, BackupPaths.Files + storageKey, stored, cancellationToken);
            return;
        }

        // A remote store streams without a length; the archive needs one before the bytes.
        var local = Path.Combine(staging, storageKey);
        await using (var copy = File.Create(local))
        {
            await stored.CopyToAsync(copy, cancellationToken);
        }

        await AddFileAsync(tar, entries, BackupPaths.Files + storageKey, local, cancellationToken);
        File.Delete(local);
    }

    /// <summary>The keys a rotation retired: values and files not yet re-encrypted still need them.</summary>
    private static Task AddRetiredAsync(TarWriter tar, List<BackupEntry> entries, string name, IReadOnlyList<byte[]> retired, CancellationToken cancellationToken) =>
        retired.Count == 0 ? Task.CompletedTask : AddBytesAsync(tar, entries, name, System.Text.Encoding.ASCII.GetBytes(KeyFiles.Format(retired)), cancellationToken);

    private static async Task AddFolderAsync(TarWriter tar, List<BackupEntry> entries, string prefix, string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            await AddFileAsync(tar, entries, prefix + relative, file, cancellationToken);
        }
    }

    private static async Task AddFileAsync(TarWriter tar, List<BackupEntry> entries, string name, string path, CancellationToken cancellationToken)
    {
        await using var content = File.OpenRead(path);
        await AddStreamAsync(tar, entries, name, content, cancellationToken);
    }

    private static Task AddBytesAsync(TarWriter tar, List<BackupEntry> entries, string name, byte[] content, CancellationToken cancellationToken) =>
        AddStreamAsync(tar, entries, name, new MemoryStream(content), cancellationToken);

    private static async Task AddStreamAsync(TarWriter tar, List<BackupEntry> entries, string name, Stream content, CancellationToken cancellationToken)
    {
        var start = content.Position;
        var sm3 = await Sm3Hasher.OfAsync(content, cancellationToken);
        var size = content.Position - start;
        content.Position = start;
        await WriteEntryAsync(tar, name, content, cancellationToken);
        entries.Add(new BackupEntry(name, size, sm3));
    }

    private static Task WriteEntryAsync(TarWriter tar, string name, Stream content, CancellationToken cancellationToken) =>
        tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = content }, cancellationToken);
}
