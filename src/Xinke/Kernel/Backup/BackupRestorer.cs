using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Backup;

/// <summary>
/// <c>xinke backup restore</c> into the configured data folder and database of a stopped
/// installation that holds no business records (a real hospital's records are never
/// overwritten). Everything is read and checked against the manifest into a private staging
/// folder first; only then are the keys, audit files, attachments and finally the database put
/// in place.
/// </summary>
public sealed class BackupRestorer(
    XinkeDb db,
    DatabaseMigrator migrator,
    IEnumerable<IBusinessRecords> records,
    IDatabaseSnapshot snapshot,
    IFileStore files,
    ICryptoProvider crypto,
    IOptions<CryptoOptions> cryptoOptions,
    FileCipher fileCipher,
    AuditCheckpoints checkpoints,
    AuditArchive archive,
    DataFolder dataFolder,
    ILogger<BackupRestorer> logger)
{
    public async Task<BackupManifest> RestoreAsync(Stream input, BackupSecret secret, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await migrator.MigrateAsync(cancellationToken);
        foreach (var probe in records)
        {
            if (await probe.AnyAsync(cancellationToken))
            {
                throw new BackupException(BackupErrors.TargetNotEmpty, "This installation already holds business records; a backup is restored only into an empty one.");
            }
        }

        var staging = BackupStaging.Create(dataFolder);
        try
        {
            progress?.Report("reading");
            var manifest = await BackupReader.ReadAsync(input, secret, (name, content) => StageAsync(staging, name, content, cancellationToken), cancellationToken);
            await CheckFitsAsync(manifest, cancellationToken);

            progress?.Report("keys");
            InstallKey(Staged(staging, BackupPaths.SigningKey), InstallationKey.FileOf(dataFolder));
            InstallKey(Staged(staging, BackupPaths.FieldKey), SoftwareCryptoProvider.KeyFileOf(dataFolder));
            InstallRetired(Staged(staging, BackupPaths.RetiredFieldKeys), crypto.Ring?.File ?? SoftwareCryptoProvider.KeyFileOf(dataFolder));
            if (manifest.FilesKeyId is not null && fileCipher.KeyId is null)
            {
                InstallKey(Staged(staging, BackupPaths.FilesKey), FilesKeyFileOf(dataFolder));
            }

            if (manifest.FilesKeyId is not null)
            {
                InstallRetired(Staged(staging, BackupPaths.RetiredFilesKeys), fileCipher.Ring?.File ?? FilesKeyFileOf(dataFolder));
            }

            progress?.Report("audit");
            CopyFolder(Staged(staging, BackupPaths.AuditCheckpoints), checkpoints.Folder);
            CopyFolder(Staged(staging, BackupPaths.AuditArchives), archive.Folder);

            var stored = Staged(staging, BackupPaths.Files);
            if (Directory.Exists(stored))
            {
                var keys = Directory.GetFiles(stored);
                for (var i = 0; i < keys.Length; i++)
                {
                    await using var content = File.OpenRead(keys[i]);
                    await files.SaveAsync(Path.GetFileName(keys[i]), content, cancellationToken);
                    if ((i + 1) % 500 == 0 || i + 1 == keys.Length)
                    {
                        progress?.Report($"files {i + 1}/{keys.Length}");
                    }
                }
            }

            progress?.Report("database");
            await snapshot.RestoreAsync(Staged(staging, snapshot.EntryName), cancellationToken);
            logger.LogInformation("Backup of {CreatedAt} restored: {Entries} entries, audit chain head {Sequence}", manifest.CreatedAt, manifest.Entries.Count, manifest.AuditChainSequence);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private async Task CheckFitsAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        if (!manifest.Entries.Any(e => e.Path == snapshot.EntryName))
        {
            throw new BackupException(BackupErrors.ProviderMismatch, $"This backup holds a {manifest.Provider} database; this installation is configured for another. Configure the same database kind to restore it.");
        }

        if (manifest.LastMigration is { } last && !db.Database.GetMigrations().Contains(last, StringComparer.Ordinal))
        {
            throw new BackupException(BackupErrors.NewerSchema, $"This backup's database schema ({last}) is newer than this version of Xinke knows: restore it with the version that made it, or a newer one.");
        }

        var configured = cryptoOptions.Value;
        if ((!string.IsNullOrWhiteSpace(configured.FieldKey) || !string.IsNullOrWhiteSpace(configured.FieldKeyFile)) && crypto.KeyId != manifest.FieldKeyId)
        {
            throw new BackupException(BackupErrors.FieldKeyConfigured, $"The configured field key ({crypto.KeyId}) is not the backup's ({manifest.FieldKeyId}): remove Xinke:Crypto:FieldKey and FieldKeyFile so the restored key is used, or configure the backup's key.");
        }

        if (manifest.FilesKeyId is { } filesKey && fileCipher.KeyId is { } configuredFilesKey && configuredFilesKey != filesKey)
        {
            throw new BackupException(BackupErrors.FilesKeyConfigured, $"The configured file encryption key ({configuredFilesKey}) is not the backup's ({filesKey}): remove it so the restored key is written to {FilesKeyFileOf(dataFolder)}, or configure the backup's key.");
        }

        if (manifest.PostgresMajor is { } major && await snapshot.ServerMajorAsync(cancellationToken) is { } server && server < major)
        {
            throw new BackupException(BackupErrors.ProviderMismatch, $"This backup comes from PostgreSQL {major}; the configured server is {server}. Restore it into PostgreSQL {major} or newer.");
        }
    }

    /// <summary>Where a restore puts the backup's file encryption key when none is configured: <c>Xinke:Files:Encryption:KeyFile</c> must name it.</summary>
    public static string FilesKeyFileOf(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return dataFolder.PathOf("keys", "files-sm4.key");
    }

    private static async Task StageAsync(string staging, string name, Stream content, CancellationToken cancellationToken)
    {
        var path = Staged(staging, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
    }

    private static string Staged(string staging, string name) => Path.Combine(staging, name.Replace('/', Path.DirectorySeparatorChar));

    private static void InstallKey(string staged, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Keys are readable by the service account only, never world-readable even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var source = File.OpenRead(staged))
        using (var file = new FileStream(temporary, options))
        {
            source.CopyTo(file);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The keys a rotation retired go beside the key file whose ring they belong to.</summary>
    private static void InstallRetired(string staged, string keyFile)
    {
        if (File.Exists(staged))
        {
            InstallKey(staged, KeyFiles.RetiredOf(keyFile));
        }
    }

    private static void CopyFolder(string staged, string target)
    {
        if (!Directory.Exists(staged))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(staged, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(staged, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
