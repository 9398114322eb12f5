using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// SM4 (GB/T 32907) in GCM mode: authenticated encryption for files and fields at rest. The
/// output is nonce (12 bytes) + ciphertext + tag (16 bytes); a changed byte fails decryption
/// instead of yielding altered plaintext.
/// </summary>
public static class Sm4Gcm
{
    public const int KeySize = 16;
    private const int NonceSize = 12;
    private const int TagBits = 128;

    public static byte[] NewKey()
    {
        var key = new byte[KeySize];
        new SecureRandom().NextBytes(key);
        return key;
    }

    public static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        CheckKey(key);
        var nonce = new byte[NonceSize];
        new SecureRandom().NextBytes(nonce);
        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(true, new AeadParameters(new KeyParameter(key), TagBits, nonce, associatedData.ToArray()));
        var output = new byte[NonceSize + cipher.GetOutputSize(plaintext.Length)];
        nonce.CopyTo(output, 0);
        var written = cipher.ProcessBytes(plaintext, output.AsSpan(NonceSize));
        cipher.DoFinal(output.AsSpan(NonceSize + written));
        return output;
    }

    /// <exception cref="InvalidCipherTextException">The data was changed, or the key is not the one it was sealed with.</exception>
    public static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData = default)
    {
        CheckKey(key);
        if (sealedData.Length < NonceSize + (TagBits / 8))
        {
            throw new InvalidCipherTextException("Too short to be SM4-GCM sealed data.");
        }

        var cipher = new GcmBlockCipher(new SM4Engine());
        cipher.Init(false, new AeadParameters(new KeyParameter(key), TagBits, sealedData[..NonceSize].ToArray(), associatedData.ToArray()));
        var body = sealedData[NonceSize..];
        var output = new byte[cipher.GetOutputSize(body.Length)];
        var written = cipher.ProcessBytes(body, output);
        written += cipher.DoFinal(output.AsSpan(written));
        return written == output.Length ? output : output[..written];
    }

    private static void CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"An SM4 key is {KeySize} bytes.", nameof(key));
        }
    }
}
