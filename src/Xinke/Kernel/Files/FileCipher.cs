using System.Text;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Files;

/// <summary>
/// Encryption at rest with SM4-GCM, streamed: nonce (12 bytes) + ciphertext + tag (16 bytes), the
/// layout of <see cref="Sm4Gcm"/>, with the storage key as associated data so a stored file cannot
/// be passed off under another name. The content hash stays over the plaintext, so identical files
/// are still kept once; the storage key of an encrypted file is an HMAC of that hash under the key,
/// so the names on disk do not reveal which well-known file is stored.
/// </summary>
public sealed class FileCipher
{
    private const int NonceSize = 12;
    private const int TagBits = 128;
    private const int BufferSize = 81920;
    private readonly KeyRing? ring;

    public FileCipher(IOptions<FilesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var encryption = options.Value.Encryption;
        ring = !string.IsNullOrWhiteSpace(encryption.KeyFile) ? KeyRing.FromFile(encryption.KeyFile, create: false, KeyIdOf)
            : LoadKey(encryption) is { } inline ? KeyRing.Inline(inline, KeyIdOf)
            : null;
        EncryptsNewFiles = encryption.Enabled && ring is not null;
    }

    /// <summary>New attachments are stored encrypted.</summary>
    public bool EncryptsNewFiles { get; }

    /// <summary>Names the current key (not the key): recorded with each encrypted file, so a wrong key is told apart from damage.</summary>
    public string? KeyId => ring?.Keys.CurrentId;

    /// <summary>The keys the current one replaced, which still open the files they sealed.</summary>
    public IReadOnlyList<string> RetiredKeyIds => ring?.Keys.RetiredIds ?? [];

    /// <summary>The ring a rotation changes: only a key kept in <c>KeyFile</c> can be rotated here.</summary>
    public KeyRing? Ring => ring?.File is null ? null : ring;

    /// <summary>The key from <c>Key</c> or <c>KeyFile</c>; null when neither is set.</summary>
    /// <exception cref="InvalidOperationException">The key is unreadable or not 16 bytes (the message never holds the key).</exception>
    public static byte[]? LoadKey(FileEncryptionOptions encryption)
    {
        ArgumentNullException.ThrowIfNull(encryption);
        string text;
        if (!string.IsNullOrWhiteSpace(encryption.Key))
        {
            text = encryption.Key;
        }
        else if (!string.IsNullOrWhiteSpace(encryption.KeyFile))
        {
            try
            {
                text = File.ReadAllText(encryption.KeyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"Xinke:Files:Encryption:KeyFile '{encryption.KeyFile}' cannot be read: {ex.Message}", ex);
            }
        }
        else
        {
            return null;
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Xinke:Files:Encryption key is not base64.", ex);
        }

        return key.Length == Sm4Gcm.KeySize
            ? key
            : throw new InvalidOperationException($"Xinke:Files:Encryption key must be {Sm4Gcm.KeySize} bytes (base64 of 16 random bytes).");
    }

    /// <summary>The current key's bytes (null: none), for the installation's own sealed backup only.</summary>
    public byte[]? ExportKeyForBackup() => ring?.Keys.Current.ToArray();

    /// <summary>The retired keys' bytes, oldest first, for the installation's own sealed backup only.</summary>
    public IReadOnlyList<byte[]> ExportRetiredKeysForBackup() => ring is null ? [] : [.. ring.Keys.Retired.Select(k => k.ToArray())];

    /// <summary>Where a file is stored: its hash in plaintext, an HMAC of it under the key <paramref name="keyId"/> when encrypted.</summary>
    public string StorageKeyOf(string contentHash, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (keyId is null)
        {
            return contentHash;
        }

        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(RequireKey(keyId)));
        var input = Encoding.ASCII.GetBytes("xinke-file:" + contentHash);
        mac.BlockUpdate(input, 0, input.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    /// <summary>Seals under the key <paramref name="keyId"/> (the current one, read once by the caller for the file's storage key, seal and record alike).</summary>
    public async Task EncryptAsync(Stream plaintext, Stream output, string storageKey, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(output);
        var nonce = new byte[NonceSize];
        new SecureRandom().NextBytes(nonce);
        await output.WriteAsync(nonce, cancellationToken);
        var cipher = Cipher(true, nonce, storageKey, RequireKey(keyId));
        await PumpAsync(cipher, plaintext, output, cancellationToken);
    }

    /// <exception cref="Org.BouncyCastle.Crypto.InvalidCipherTextException">The file was altered, or sealed under another key.</exception>
    public async Task DecryptAsync(Stream sealedData, Stream output, string storageKey, string? keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedData);
        ArgumentNullException.ThrowIfNull(output);
        var key = KeyOf(keyId);
        if (key is null && ring is not null && ring.Refresh())
        {
            // Another instance may have rotated a moment ago.
            key = KeyOf(keyId);
        }

        if (key is null)
        {
            throw new InvalidOperationException($"The file {storageKey} was encrypted under key {keyId}, which is not in the configured file key ring (current {KeyId ?? "none"}).");
        }

        var nonce = new byte[NonceSize];
        await sealedData.ReadExactlyAsync(nonce, cancellationToken);
        var cipher = Cipher(false, nonce, storageKey, key);
        await PumpAsync(cipher, sealedData, output, cancellationToken);
    }

    private byte[]? KeyOf(string? keyId) => keyId is null ? null : ring?.Keys.Find(keyId);

    private static GcmBlockCipher Cipher(bool encrypt, byte[] nonce, string storageKey, byte[] key)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(key), TagBits, nonce, Encoding.ASCII.GetBytes(storageKey)));
        return cipher;
    }

    private static async Task PumpAsync(GcmBlockCipher cipher, Stream input, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var transformed = new byte[cipher.GetUpdateOutputSize(BufferSize) + 32];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var written = cipher.ProcessBytes(buffer, 0, read, transformed, 0);
            await output.WriteAsync(transformed.AsMemory(0, written), cancellationToken);
        }

        var last = new byte[cipher.GetOutputSize(0)];
        var final = cipher.DoFinal(last, 0);
        await output.WriteAsync(last.AsMemory(0, final), cancellationToken);
    }

    private byte[] RequireKey(string keyId) =>
        (ring ?? throw new InvalidOperationException("No Xinke:Files:Encryption key is configured.")).Keys.Find(keyId)
        ?? throw new InvalidOperationException($"The file key {keyId} is not in the configured file key ring.");

    /// <summary>A file key's id: eight bytes of an SM3 digest of a label and the key, hex.</summary>
    public static string KeyIdOf(byte[] key)
    {
        var digest = new SM3Digest();
        var label = Encoding.ASCII.GetBytes("xinke-file-key-id:");
        digest.BlockUpdate(label, 0, label.Length);
        digest.BlockUpdate(key, 0, key.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output.AsSpan(0, 8));
    }
}
