using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// <c>xinke keys</c>: rotates the field key ring (and the file key ring), re-encrypts what the
/// retired keys sealed, reports what each key still seals, and drops a retired key once nothing
/// needs it. Re-encryption goes in chunks, each its own transaction, and only touches values
/// and files under a retired key, so it can be stopped at any point and run again to finish.
/// Every change holds the <see cref="KeyRingLock"/>: a second rotation or a backup elsewhere is
/// refused with <see cref="KeyRingBusyException"/> while one runs.
/// </summary>
public sealed class KeyRotation(
    XinkeDb db,
    ICryptoProvider crypto,
    IFieldProtector protector,
    FileCipher fileCipher,
    IFileStore store,
    AuditLog audit,
    DataFolder dataFolder,
    KeyRingLock keyLock,
    ILogger<KeyRotation> logger)
{
    public const string FieldsRing = "fields";
    public const string FilesRing = "files";
    public const int DefaultChunkSize = 500;
    public const string Doing = "key rotation";

    /// <summary>Makes a new key current in the field ring (and the file ring), keeping the old one retired; audited by key ids.</summary>
    /// <exception cref="KeyRingException">A ring to rotate is given inline in the settings, or another process holds the rings; nothing was rotated.</exception>
    public async Task<IReadOnlyList<RingRotated>> RotateAsync(bool includeFiles, CancellationToken cancellationToken)
    {
        await using var held = await keyLock.AcquireAsync(Doing, cancellationToken);
        var fields = crypto.Ring ?? throw new KeyRingException("The field key is given inline (Xinke:Crypto:FieldKey) or kept by a hardware module: keep it in a key file (the data folder's, or Xinke:Crypto:FieldKeyFile) to rotate it here. Nothing was rotated.");
        KeyRing? files = null;
        if (includeFiles)
        {
            files = fileCipher.Ring ?? throw new KeyRingException("File encryption has no key file (Xinke:Files:Encryption:KeyFile): a key given inline or none cannot be rotated here. Nothing was rotated.");
        }

        List<RingRotated> rotated = [];
        foreach (var (name, ring) in new[] { (FieldsRing, fields), (FilesRing, files) })
        {
            if (ring is null)
            {
                continue;
            }

            var (oldId, newId) = ring.Rotate();
            rotated.Add(new RingRotated(name, oldId, newId));
            await audit.RecordAsync("keys.rotate", AuditOutcome.Success, cancellationToken, "key-ring", name, $"{name}: {oldId} → {newId}");
            logger.LogInformation("Key ring {Ring} rotated from {OldKeyId} to {NewKeyId}", name, oldId, newId);
        }

        return rotated;
    }

    /// <summary>Re-encrypts under the current key every sensitive value still under a retired key.</summary>
    /// <returns>How many values were re-encrypted.</returns>
    public async Task<long> ReencryptFieldsAsync(int chunkSize, IProgress<ReencryptionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        await using var held = await keyLock.AcquireAsync(Doing, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, keyLock.Lost);
        cancellationToken = stop.Token;
        var retired = crypto.RetiredKeyIds;
        if (retired.Count == 0)
        {
            return 0;
        }

        var columns = SensitiveColumn.Of(db.Model);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            long total = 0;
            foreach (var column in columns)
            {
                total += await CountAsync(column, retired, cancellationToken);
            }

            progress?.Report(new ReencryptionProgress(FieldsRing, 0, total));
            long done = 0;
            foreach (var column in columns)
            {
                object? after = null;
                while (true)
                {
                    var (changed, last, read) = await ReencryptChunkAsync(column, retired, chunkSize, after, cancellationToken);
                    done += changed;
                    after = last;
                    if (read == 0)
                    {
                        break;
                    }

                    progress?.Report(new ReencryptionProgress(FieldsRing, done, Math.Max(total, done)));
                    if (column.Key is null && changed == 0)
                    {
                        break;
                    }
                }
            }

            await audit.RecordAsync("keys.reencrypt", AuditOutcome.Success, cancellationToken, "key-ring", FieldsRing, $"{FieldsRing}: {done} value(s) re-encrypted under {crypto.KeyId}");
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Re-encrypts under the current file key every attachment still under a retired one: the new
    /// copy is stored, the records are pointed at it, and only then is the old copy removed.
    /// </summary>
    /// <returns>How many stored files were re-encrypted.</returns>
    public async Task<long> ReencryptFilesAsync(IProgress<ReencryptionProgress>? progress, CancellationToken cancellationToken)
    {
        await using var held = await keyLock.AcquireAsync(Doing, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, keyLock.Lost);
        cancellationToken = stop.Token;
        var retired = fileCipher.RetiredKeyIds.ToList();
        if (fileCipher.KeyId is not { } current || retired.Count == 0)
        {
            return 0;
        }

        var pending = db.Set<Attachment>().AsNoTracking().Where(a => a.Encrypted && a.KeyId != null && retired.Contains(a.KeyId));
        var total = await pending.Select(a => a.StorageKey).Distinct().CountAsync(cancellationToken);
        progress?.Report(new ReencryptionProgress(FilesRing, 0, total));
        long done = 0;
        while (await pending.OrderBy(a => a.StorageKey).Select(a => new { a.StorageKey, a.KeyId, a.Sm3 }).FirstOrDefaultAsync(cancellationToken) is { } next)
        {
            await ReencryptFileAsync(next.StorageKey, next.KeyId!, next.Sm3, current, cancellationToken);
            done++;
            progress?.Report(new ReencryptionProgress(FilesRing, done, Math.Max(total, done)));
        }

        await audit.RecordAsync("keys.reencrypt", AuditOutcome.Success, cancellationToken, "key-ring", FilesRing, $"{FilesRing}: {done} file(s) re-encrypted under {current}");
        return done;
    }

    /// <summary>Each ring's keys, current first, with how many values or files each still seals.</summary>
    public async Task<IReadOnlyList<RingStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        var columns = SensitiveColumn.Of(db.Model);
        var fieldKeys = new List<KeyUse>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var (id, current) in new[] { (crypto.KeyId, true) }.Concat(crypto.RetiredKeyIds.Select(id => (id, false))))
            {
                long count = 0;
                foreach (var column in columns)
                {
                    count += await CountAsync(column, [id], cancellationToken);
                }

                fieldKeys.Add(new KeyUse(id, current, count));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        List<RingStatus> rings = [new RingStatus(FieldsRing, crypto.Ring is not null, fieldKeys)];
        if (fileCipher.KeyId is { } filesCurrent)
        {
            var counts = await db.Set<Attachment>().AsNoTracking().Where(a => a.Encrypted && a.KeyId != null)
                .GroupBy(a => a.KeyId!).Select(g => new { KeyId = g.Key, Count = g.Select(a => a.StorageKey).Distinct().Count() })
                .ToDictionaryAsync(g => g.KeyId, g => (long)g.Count, cancellationToken);
            var fileKeys = new[] { (filesCurrent, true) }.Concat(fileCipher.RetiredKeyIds.Select(id => (id, false)))
                .Select(k => new KeyUse(k.Item1, k.Item2, counts.GetValueOrDefault(k.Item1)))
                .ToList();
            rings.Add(new RingStatus(FilesRing, fileCipher.Ring is not null, fileKeys));
        }

        return rings;
    }

    /// <summary>Drops a retired key from its ring, only when no value or file is sealed under it any more.</summary>
    /// <exception cref="KeyRingException">The key is current, unknown, still in use, or another process holds the rings; nothing was changed.</exception>
    public async Task<RingStatus> RetireAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await using var held = await keyLock.AcquireAsync(Doing, cancellationToken);
        var rings = await StatusAsync(cancellationToken);
        var ring = rings.FirstOrDefault(r => r.Keys.Any(k => k.KeyId == keyId))
            ?? throw new KeyRingException($"No ring holds a key {keyId}.");
        var use = ring.Keys.Single(k => k.KeyId == keyId);
        if (use.Current)
        {
            throw new KeyRingException($"Key {keyId} is the current {ring.Ring} key: rotate first, re-encrypt, then retire it.");
        }

        if (use.Count > 0)
        {
            throw new KeyRingException($"Key {keyId} still seals {use.Count} {(ring.Ring == FilesRing ? "file(s)" : "value(s)")}: run `xinke keys reencrypt{(ring.Ring == FilesRing ? " --files" : string.Empty)}` first. The key was kept.");
        }

        var keyRing = (ring.Ring == FilesRing ? fileCipher.Ring : crypto.Ring)
            ?? throw new KeyRingException($"The {ring.Ring} key ring is given in the settings; remove the key there.");
        keyRing.Forget(keyId);
        await audit.RecordAsync("keys.retire", AuditOutcome.Success, cancellationToken, "key-ring", ring.Ring, $"{ring.Ring}: {keyId} dropped");
        logger.LogInformation("Key {KeyId} dropped from the {Ring} ring: nothing is sealed under it", keyId, ring.Ring);
        return (await StatusAsync(cancellationToken)).First(r => r.Ring == ring.Ring);
    }

    private async Task<long> CountAsync(SensitiveColumn column, IReadOnlyList<string> keyIds, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {column.Table} WHERE {UnderAny(column, keyIds)}", null);
        AddKeyPrefixes(command, keyIds);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One chunk, its own transaction: reads up to <paramref name="chunkSize"/> values under retired keys and writes each back under the current key, unless it changed meanwhile.</summary>
    private async Task<(long Changed, object? Last, int Read)> ReencryptChunkAsync(SensitiveColumn column, IReadOnlyList<string> retired, int chunkSize, object? after, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = new List<(object? Key, string Value)>();
        var select = column.Key is null
            ? $"SELECT NULL, {column.Column} FROM {column.Table} WHERE {UnderAny(column, retired)} LIMIT {chunkSize}"
            : $"SELECT {column.Key}, {column.Column} FROM {column.Table} WHERE {UnderAny(column, retired)}{(after is null ? string.Empty : $" AND {column.Key} > @after")} ORDER BY {column.Key} LIMIT {chunkSize}";
        await using (var command = Command(select, transaction))
        {
            AddKeyPrefixes(command, retired);
            if (after is not null)
            {
                Parameter(command, "@after", after);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.IsDBNull(0) ? null : reader.GetValue(0), reader.GetString(1)));
            }
        }

        long changed = 0;
        foreach (var (key, value) in rows)
        {
            var update = $"UPDATE {column.Table} SET {column.Column} = @sealed WHERE {column.Column} = @old{(column.Key is null ? string.Empty : $" AND {column.Key} = @key")}";
            await using var command = Command(update, transaction);
            Parameter(command, "@sealed", protector.Protect(protector.Unprotect(value)));
            Parameter(command, "@old", value);
            if (column.Key is not null)
            {
                Parameter(command, "@key", key!);
            }

            changed += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (changed, rows.Count == 0 ? after : rows[^1].Key, rows.Count);
    }

    private async Task ReencryptFileAsync(string oldStorageKey, string oldKeyId, string sm3, string current, CancellationToken cancellationToken)
    {
        var staging = dataFolder.PathOf("tmp", "files");
        await using var plaintext = StagingFile.Create(staging);
        await using (var sealedData = await store.OpenReadAsync(oldStorageKey, cancellationToken))
        {
            await fileCipher.DecryptAsync(sealedData, plaintext, oldStorageKey, oldKeyId, cancellationToken);
        }

        plaintext.Position = 0;
        if (await Sm3Hasher.OfAsync(plaintext, cancellationToken) != sm3)
        {
            throw new InvalidOperationException($"The stored file {oldStorageKey} does not match its recorded SM3; it was left as it is.");
        }

        var newStorageKey = fileCipher.StorageKeyOf(sm3, current);
        if (!await store.ExistsAsync(newStorageKey, cancellationToken))
        {
            plaintext.Position = 0;
            await using var sealedCopy = StagingFile.Create(staging);
            await fileCipher.EncryptAsync(plaintext, sealedCopy, newStorageKey, current, cancellationToken);
            sealedCopy.Position = 0;
            await store.SaveAsync(newStorageKey, sealedCopy, cancellationToken);
        }

        // One statement: every record of the stored file moves to the new copy together.
        await db.Set<Attachment>()
            .Where(a => a.StorageKey == oldStorageKey && a.KeyId == oldKeyId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.StorageKey, newStorageKey).SetProperty(a => a.KeyId, current), cancellationToken);
        if (!await db.Set<Attachment>().AnyAsync(a => a.StorageKey == oldStorageKey, cancellationToken))
        {
            await store.DeleteAsync(oldStorageKey, cancellationToken);
        }
    }

    /// <summary>The condition "sealed under one of these keys"; <see cref="AddKeyPrefixes"/> supplies its parameters.</summary>
    private static string UnderAny(SensitiveColumn column, IReadOnlyList<string> keyIds) =>
        "(" + string.Join(" OR ", keyIds.Select((_, i) => $"{column.Column} LIKE @k{i}")) + ")";

    private static void AddKeyPrefixes(DbCommand command, IReadOnlyList<string> keyIds)
    {
        for (var i = 0; i < keyIds.Count; i++)
        {
            Parameter(command, $"@k{i}", FieldProtector.PrefixOf(keyIds[i]) + "%");
        }
    }

    private DbCommand Command(string sql, IDbContextTransaction? transaction)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction?.GetDbTransaction();
        return command;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
