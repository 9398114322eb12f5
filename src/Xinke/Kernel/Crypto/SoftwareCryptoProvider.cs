using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Digests;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// SM4-GCM in software (BouncyCastle) under the field key ring of <see cref="CryptoOptions"/>: the
/// key file (configured, or generated in the data folder) and the retired keys beside it, or a
/// key given inline (a ring of one).
/// </summary>
public sealed class SoftwareCryptoProvider : ICryptoProvider
{
    public const string DefaultFileName = "fields-sm4.key";
    private readonly KeyRing ring;
    private readonly KeySet? frozen;

    public SoftwareCryptoProvider(IOptions<CryptoOptions> options, DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataFolder);
        var settings = options.Value;
        ring = !string.IsNullOrWhiteSpace(settings.FieldKey) ? KeyRing.Inline(Parse(settings.FieldKey, "Xinke:Crypto:FieldKey"), IdOf)
            : !string.IsNullOrWhiteSpace(settings.FieldKeyFile) ? KeyRing.FromFile(settings.FieldKeyFile, create: false, IdOf)
            : KeyRing.FromFile(KeyFileOf(dataFolder), create: true, IdOf);
    }

    private SoftwareCryptoProvider(KeyRing ring, KeySet frozen)
    {
        this.ring = ring;
        this.frozen = frozen;
    }

    public string KeyId => Keys.CurrentId;

    public IReadOnlyList<string> RetiredKeyIds => Keys.RetiredIds;

    public string KeySetId => Keys.Identity;

    public KeyRing? Ring => ring.File is null ? null : ring;

    private KeySet Keys => frozen ?? ring.Keys;

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) => Sm4Gcm.Encrypt(Keys.Current, plaintext, associatedData);

    public byte[] Decrypt(string keyId, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var key = Keys.Find(keyId);
        if (key is null)
        {
            // Another instance may have rotated a moment ago: look at the ring's files once more.
            ring.Refresh();
            key = ring.Keys.Find(keyId)
                ?? throw new InvalidOperationException($"A value was encrypted under key {keyId}, which is not in this installation's field key ring (current {ring.Keys.CurrentId}).");
        }

        return Sm4Gcm.Decrypt(key, sealedData, associatedData);
    }

    public ICryptoProvider Freeze() => new SoftwareCryptoProvider(ring, ring.Keys);

    public byte[]? ExportKeyForBackup() => Keys.Current.ToArray();

    public IReadOnlyList<byte[]> ExportRetiredKeysForBackup() => [.. Keys.Retired.Select(k => k.ToArray())];

    /// <summary>The file a restore writes the backed-up key to; read at start when no key is configured.</summary>
    public static string KeyFileOf(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return dataFolder.PathOf("keys", DefaultFileName);
    }

    /// <summary>A field key's id: the first four bytes of its SM3 digest, hex.</summary>
    public static string IdOf(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digest = new SM3Digest();
        digest.BlockUpdate(key, 0, key.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    private static byte[] Parse(string base64, string source)
    {
        byte[] parsed;
        try
        {
            parsed = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The field key from {source} is not base64.");
        }

        return parsed.Length == Sm4Gcm.KeySize ? parsed : throw new InvalidOperationException($"The field key from {source} must be {Sm4Gcm.KeySize} bytes, not {parsed.Length}.");
    }
}
