using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Xinke.Kernel.Backup;

/// <summary>
/// The backup file: a plain header (magic, format version, how the key is found, salt and
/// iterations, a random nonce prefix), then the content in SM4-GCM sealed chunks of at most
/// 1 MiB. Each chunk's nonce is the prefix, its counter and a last-chunk flag, and the header is
/// every chunk's associated data: a changed, reordered, dropped or appended chunk, a cut-off
/// tail or an altered header fails instead of restoring something else.
/// </summary>
public sealed class SealedFormat
{
    public const int ChunkSize = 1 << 20;
    public const int HeaderSize = 8 + 1 + 1 + 4 + BackupSecret.SaltSize + NoncePrefixSize;
    private const int NoncePrefixSize = 7;
    private const int TagBytes = 16;
    private const byte Version = 1;
    private const byte PassphraseKdf = 1;
    private const byte RawKey = 2;
    private const uint LastFlag = 0x8000_0000;
    private static readonly byte[] Magic = "XINKEBAK"u8.ToArray();

    private readonly byte[] key;
    private readonly byte[] noncePrefix;

    private SealedFormat(byte[] header, byte[] key, byte[] noncePrefix)
    {
        Header = header;
        this.key = key;
        this.noncePrefix = noncePrefix;
    }

    public byte[] Header { get; }

    public static SealedFormat New(BackupSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var salt = RandomNumberGenerator.GetBytes(BackupSecret.SaltSize);
        var prefix = RandomNumberGenerator.GetBytes(NoncePrefixSize);
        var iterations = secret.IsPassphrase ? BackupSecret.PassphraseIterations : 0;
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        header[8] = Version;
        header[9] = secret.IsPassphrase ? PassphraseKdf : RawKey;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(10), iterations);
        salt.CopyTo(header, 14);
        prefix.CopyTo(header, 14 + BackupSecret.SaltSize);
        return new SealedFormat(header, secret.DeriveKey(salt, iterations), prefix);
    }

    public static async Task<SealedFormat> ReadHeaderAsync(Stream input, BackupSecret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(secret);
        var header = new byte[HeaderSize];
        if (await input.ReadAtLeastAsync(header, HeaderSize, throwOnEndOfStream: false, cancellationToken) < HeaderSize
            || !header.AsSpan(0, 8).SequenceEqual(Magic) || header[8] != Version || header[9] is not (PassphraseKdf or RawKey))
        {
            throw new BackupException(BackupErrors.NotABackup, "This file is not a Xinke backup (or of a format this version cannot read).");
        }

        if ((header[9] == PassphraseKdf) != secret.IsPassphrase)
        {
            throw new BackupException(BackupErrors.WrongSecretOrDamaged, header[9] == PassphraseKdf
                ? "This backup was sealed with a passphrase, not a key."
                : "This backup was sealed with a key, not a passphrase.");
        }

        var iterations = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(10));
        if (secret.IsPassphrase && iterations is < 1 or > 10_000_000)
        {
            throw new BackupException(BackupErrors.NotABackup, "The backup's header is damaged.");
        }

        var salt = header.AsSpan(14, BackupSecret.SaltSize).ToArray();
        var prefix = header.AsSpan(14 + BackupSecret.SaltSize, NoncePrefixSize).ToArray();
        return new SealedFormat(header, secret.DeriveKey(salt, iterations), prefix);
    }

    /// <summary>Seals one chunk and writes it with its length (the high bit marks the last chunk).</summary>
    public async Task WriteChunkAsync(Stream output, ReadOnlyMemory<byte> plaintext, uint counter, bool last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cipher = Cipher(forEncryption: true, counter, last);
        var sealedChunk = new byte[cipher.GetOutputSize(plaintext.Length)];
        var written = cipher.ProcessBytes(plaintext.Span, sealedChunk);
        cipher.DoFinal(sealedChunk.AsSpan(written));
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)sealedChunk.Length | (last ? LastFlag : 0));
        await output.WriteAsync(length, cancellationToken);
        await output.WriteAsync(sealedChunk, cancellationToken);
    }

    /// <summary>Reads and opens the next chunk; null at a clean end after the last chunk.</summary>
    public async Task<(byte[] Plaintext, bool Last)?> ReadChunkAsync(Stream input, uint counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var length = new byte[4];
        var read = await input.ReadAtLeastAsync(length, 4, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        var field = read == 4 ? BinaryPrimitives.ReadUInt32BigEndian(length) : throw Truncated();
        var last = (field & LastFlag) != 0;
        var size = (int)(field & ~LastFlag);
        if (size is < TagBytes or > ChunkSize + TagBytes)
        {
            throw new BackupException(BackupErrors.WrongSecretOrDamaged, "The backup is damaged: a chunk has an impossible length.");
        }

        var sealedChunk = new byte[size];
        if (await input.ReadAtLeastAsync(sealedChunk, size, throwOnEndOfStream: false, cancellationToken) < size)
        {
            throw Truncated();
        }

        var cipher = Cipher(forEncryption: false, counter, last);
        var plaintext = new byte[cipher.GetOutputSize(size)];
        try
        {
            var written = cipher.ProcessBytes(sealedChunk, plaintext);
            written += cipher.DoFinal(plaintext.AsSpan(written));
            return (written == plaintext.Length ? plaintext : plaintext[..written], last);
        }
        catch (InvalidCipherTextException ex)
        {
            throw new BackupException(BackupErrors.WrongSecretOrDamaged, "The passphrase or key is wrong, or the backup was changed.", ex);
        }
    }

    public static BackupException Truncated() => new(BackupErrors.Truncated, "The backup ends before its last chunk: it was cut off.");

    private GcmBlockCipher Cipher(bool forEncryption, uint counter, bool last)
    {
        var nonce = new byte[NoncePrefixSize + 5];
        noncePrefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(NoncePrefixSize), counter);
        nonce[^1] = last ? (byte)1 : (byte)0;
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagBytes * 8, nonce, Header));
        return cipher;
    }
}
