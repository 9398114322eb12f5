using System.Text;
using Xinke.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// Stores a sensitive field as <c>sm4:&lt;key id&gt;:&lt;base64 nonce+ciphertext+tag&gt;</c>, always
/// under the current key. A value reads under any key of the ring, by the id written with it;
/// a value written before its field was marked sensitive (no prefix) still reads, and is
/// encrypted at its next save; a value sealed under a key outside the ring fails loudly rather
/// than reading as garbage.
/// </summary>
public sealed class FieldProtector(ICryptoProvider crypto) : IFieldProtector
{
    public const string Scheme = "sm4";
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("xinke:field");

    public string KeyId => crypto.KeyId;

    public string KeySetId => crypto.KeySetId;

    /// <summary>The prefix of every value sealed under <paramref name="keyId"/>.</summary>
    public static string PrefixOf(string keyId) => $"{Scheme}:{keyId}:";

    public string Protect(string plaintext) =>
        PrefixOf(crypto.KeyId) + Convert.ToBase64String(crypto.Encrypt(Encoding.UTF8.GetBytes(plaintext), Purpose));

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Scheme)
        {
            return stored;
        }

        return Encoding.UTF8.GetString(crypto.Decrypt(parts[1], Convert.FromBase64String(parts[2]), Purpose));
    }

    public IFieldProtector Freeze() => new FieldProtector(crypto.Freeze());
}
