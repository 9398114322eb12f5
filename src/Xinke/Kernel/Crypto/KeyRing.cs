namespace Xinke.Kernel.Crypto;

/// <summary>
/// A key and the keys it replaced. Kept in a key file (the current key) and the file beside it
/// (<c>.retired</c>, oldest first), both in the data folder or at a configured path several
/// instances share: every instance re-reads them when they change (checked at most every
/// <see cref="RefreshInterval"/>, and at once when a value names a key it does not hold), so a
/// rotation made by one takes effect in all without a restart. A key given inline in settings is
/// a ring of one that only its settings can change.
/// </summary>
public sealed class KeyRing
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly Func<byte[], string> idOf;
    private readonly Lock gate = new();
    private volatile KeySet keys;
    private (DateTime, long, DateTime, long) stamp;
    private long checkedAt;

    private KeyRing(string? file, KeySet keys, Func<byte[], string> idOf)
    {
        File = file;
        this.keys = keys;
        this.idOf = idOf;
        stamp = file is null ? default : StampOf(file);
        checkedAt = Environment.TickCount64;
    }

    /// <summary>The current key's file; null when the key is given inline and cannot be rotated here.</summary>
    public string? File { get; }

    public KeySet Keys
    {
        get
        {
            if (File is not null && Environment.TickCount64 - Interlocked.Read(ref checkedAt) > RefreshInterval.TotalMilliseconds)
            {
                Refresh();
            }

            return keys;
        }
    }

    public static KeyRing Inline(byte[] key, Func<byte[], string> idOf) => new(null, new KeySet(key, [], idOf), idOf);

    /// <summary>The ring kept in <paramref name="file"/>; with <paramref name="create"/>, a missing file gets a new random key.</summary>
    /// <exception cref="InvalidOperationException">The file is missing (without <paramref name="create"/>), unreadable or holds no valid key.</exception>
    public static KeyRing FromFile(string file, bool create, Func<byte[], string> idOf)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (create && !System.IO.File.Exists(file))
        {
            KeyFiles.Write(file, KeyFiles.Format([Sm4Gcm.NewKey()]), overwrite: false);
        }

        return new KeyRing(file, Read(file, idOf), idOf);
    }

    /// <summary>Re-reads the files now if they changed; true when the keys did.</summary>
    public bool Refresh()
    {
        if (File is null)
        {
            return false;
        }

        lock (gate)
        {
            Interlocked.Exchange(ref checkedAt, Environment.TickCount64);
            var now = StampOf(File);
            if (now == stamp)
            {
                return false;
            }

            var read = Read(File, idOf);
            stamp = now;
            var changed = read.Identity != keys.Identity;
            keys = read;
            return changed;
        }
    }

    /// <summary>
    /// Makes a new random key current and keeps the old one as the newest retired key. The old
    /// key is written to the retired file before the new one replaces it, so a reader between the
    /// two writes sees the old key twice, never a key missing.
    /// </summary>
    /// <returns>The old and the new key's ids.</returns>
    public (string OldId, string NewId) Rotate()
    {
        var file = File ?? throw new InvalidOperationException("This key is given inline in the settings; keep it in a key file to rotate it.");
        lock (gate)
        {
            var before = Read(file, idOf);
            byte[] fresh;
            do
            {
                fresh = Sm4Gcm.NewKey();
            }
            while (before.Find(idOf(fresh)) is not null);

            KeyFiles.Write(KeyFiles.RetiredOf(file), KeyFiles.Format([.. before.Retired, before.Current]), overwrite: true);
            KeyFiles.Write(file, KeyFiles.Format([fresh]), overwrite: true);
            keys = Read(file, idOf);
            stamp = StampOf(file);
            return (before.CurrentId, keys.CurrentId);
        }
    }

    /// <summary>Drops a retired key from the ring; the caller has made sure nothing it sealed remains.</summary>
    public void Forget(string keyId)
    {
        var file = File ?? throw new InvalidOperationException("This key is given inline in the settings; it has no retired keys here.");
        lock (gate)
        {
            var before = Read(file, idOf);
            if (before.CurrentId == keyId)
            {
                throw new InvalidOperationException($"Key {keyId} is the current key; rotate first.");
            }

            var kept = before.Retired.Where(k => idOf(k) != keyId).ToList();
            KeyFiles.Write(KeyFiles.RetiredOf(file), KeyFiles.Format(kept), overwrite: true);
            keys = Read(file, idOf);
            stamp = StampOf(file);
        }
    }

    private static KeySet Read(string file, Func<byte[], string> idOf)
    {
        IReadOnlyList<byte[]> current;
        try
        {
            current = KeyFiles.Parse(System.IO.File.ReadAllText(file), file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The key file {file} cannot be read: {ex.Message}", ex);
        }

        if (current.Count != 1)
        {
            throw new InvalidOperationException($"The key file {file} must hold exactly one key, not {current.Count}.");
        }

        var retiredFile = KeyFiles.RetiredOf(file);
        var retired = System.IO.File.Exists(retiredFile) ? KeyFiles.Parse(System.IO.File.ReadAllText(retiredFile), retiredFile) : [];
        return new KeySet(current[0], retired, idOf);
    }

    private static (DateTime, long, DateTime, long) StampOf(string file)
    {
        var current = new FileInfo(file);
        var retired = new FileInfo(KeyFiles.RetiredOf(file));
        return (current.Exists ? current.LastWriteTimeUtc : default, current.Exists ? current.Length : -1,
            retired.Exists ? retired.LastWriteTimeUtc : default, retired.Exists ? retired.Length : -1);
    }
}
