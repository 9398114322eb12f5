namespace Xinke.Kernel.Crypto;

/// <summary>
/// Symmetric authenticated encryption of data at rest under the installation's field key ring:
/// the current key seals, any key of the ring opens what it sealed. The software provider
/// (BouncyCastle SM4-GCM) is the default; a certified hardware module (密码机) can take its place
/// where an assessor requires one.
/// </summary>
public interface ICryptoProvider
{
    /// <summary>Names the current key without revealing it (the first bytes of its SM3 digest, hex).</summary>
    string KeyId { get; }

    /// <summary>The keys this one replaced that still open what they sealed, oldest first.</summary>
    IReadOnlyList<string> RetiredKeyIds { get; }

    /// <summary>Names the current and retired keys together: what a cached model depends on.</summary>
    string KeySetId { get; }

    /// <summary>The ring a rotation changes; null when the keys are rotated by other means (settings, a hardware module).</summary>
    KeyRing? Ring { get; }

    byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <exception cref="InvalidOperationException">No key of the ring has this id.</exception>
    byte[] Decrypt(string keyId, ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData);

    /// <summary>The provider as its keys stand now, unchanged by later rotations (it still opens values of keys added since).</summary>
    ICryptoProvider Freeze();

    /// <summary>
    /// The current key's bytes, for the installation's own sealed backup only; null when the key
    /// never leaves its module (a hardware provider keeps it with the module's own backup procedure).
    /// </summary>
    byte[]? ExportKeyForBackup();

    /// <summary>The retired keys' bytes, oldest first, for the installation's own sealed backup only.</summary>
    IReadOnlyList<byte[]> ExportRetiredKeysForBackup();
}
