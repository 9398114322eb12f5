using System.Text;
using Xinke.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// Stores a sensitive field as <c>sm4:&lt;key id&gt;:&lt;base64 nonce+ciphertext+tag&gt;</c>. A value
/// written before its field was marked sensitive (no prefix) still reads, and is encrypted at its
/// next save; a value sealed under another key fails loudly rather than reading as garbage.
/// </summary>
public sealed class FieldProtector(ICryptoProvider crypto) : IFieldProtector
{
    private const string Scheme = "sm4";
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("xinke:field");

    public string KeyId => crypto.KeyId;

    public string Protect(string plaintext) =>
        $"{Scheme}:{crypto.KeyId}:{Convert.ToBase64String(crypto.Encrypt(Encoding.UTF8.GetBytes(plaintext), Purpose))}";

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Scheme)
        {
            return stored;
        }

        if (parts[1] != crypto.KeyId)
        {
            throw new InvalidOperationException($"A sensitive field was encrypted under key {parts[1]}, but this installation's field key is {crypto.KeyId}.");
        }

        return Encoding.UTF8.GetString(crypto.Decrypt(Convert.FromBase64String(parts[2]), Purpose));
    }
}
