namespace Xinke.Kernel.Crypto;

/// <summary>
/// Symmetric authenticated encryption of data at rest under the installation's field key. The
/// software provider (BouncyCastle SM4-GCM) is the default; a certified hardware module
/// (密码机) can take its place where an assessor requires one.
/// </summary>
public interface ICryptoProvider
{
    /// <summary>Names the key without revealing it (the first bytes of its SM3 digest, hex).</summary>
    string KeyId { get; }

    byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    byte[] Decrypt(ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData);

    /// <summary>
    /// The key's bytes, for the installation's own sealed backup only; null when the key never
    /// leaves its module (a hardware provider keeps it with the module's own backup procedure).
    /// </summary>
    byte[]? ExportKeyForBackup();
}
