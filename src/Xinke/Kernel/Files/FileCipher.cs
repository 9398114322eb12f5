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
    private readonly byte[]? key;

    public FileCipher(IOptions<FilesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var encryption = options.Value.Encryption;
        key = LoadKey(encryption);
        EncryptsNewFiles = encryption.Enabled && key is not null;
        KeyId = key is null ? null : KeyIdOf(key);
    }

    /// <summary>New attachments are stored encrypted.</summary>
    public bool EncryptsNewFiles { get; }

    /// <summary>Names the configured key (not the key): recorded with each encrypted file, so a wrong key is told apart from damage.</summary>
    public string? KeyId { get; }

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

    /// <summary>The configured key's bytes (null: none), for the installation's own sealed backup only.</summary>
    public byte[]? ExportKeyForBackup() => key?.ToArray();

    public string StorageKeyOf(string contentHash, bool encrypted)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (!encrypted)
        {
            return contentHash;
        }

        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(RequireKey()));
        var input = Encoding.ASCII.GetBytes("xinke-file:" + contentHash);
        mac.BlockUpdate(input, 0, input.Length);
        var output = new byte[mac.GetMacSize()];
        mac.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }

    public async Task EncryptAsync(Stream plaintext, Stream output, string storageKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(output);
        var nonce = new byte[NonceSize];
        new SecureRandom().NextBytes(nonce);
        await output.WriteAsync(nonce, cancellationToken);
        var cipher = Cipher(true, nonce, storageKey);
        await PumpAsync(cipher, plaintext, output, cancellationToken);
    }

    /// <exception cref="Org.BouncyCastle.Crypto.InvalidCipherTextException">The file was altered, or sealed under another key.</exception>
    public async Task DecryptAsync(Stream sealedData, Stream output, string storageKey, string? keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedData);
        ArgumentNullException.ThrowIfNull(output);
        if (keyId != KeyId)
        {
            throw new InvalidOperationException($"The file {storageKey} was encrypted under key {keyId}, but the configured key is {KeyId ?? "none"}.");
        }

        var nonce = new byte[NonceSize];
        await sealedData.ReadExactlyAsync(nonce, cancellationToken);
        var cipher = Cipher(false, nonce, storageKey);
        await PumpAsync(cipher, sealedData, output, cancellationToken);
    }

    private GcmBlockCipher Cipher(bool encrypt, byte[] nonce, string storageKey)
    {
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(encrypt, new AeadParameters(new KeyParameter(RequireKey()), TagBits, nonce, Encoding.ASCII.GetBytes(storageKey)));
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

    private byte[] RequireKey() => key ?? throw new InvalidOperationException("No Xinke:Files:Encryption key is configured.");

    private static string KeyIdOf(byte[] key)
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
