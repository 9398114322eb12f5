using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Backup;

/// <summary>
/// What seals a backup, given by the operator at backup time and never stored beside it: a
/// passphrase (stretched with PBKDF2 over HMAC-SM3 and a random salt kept in the file's header)
/// or a 16-byte SM4 key in base64.
/// </summary>
public sealed class BackupSecret
{
    public const int PassphraseIterations = 310_000;
    public const int SaltSize = 16;
    private const int MinimumPassphraseLength = 12;

    private BackupSecret(string? passphrase, byte[]? key)
    {
        Passphrase = passphrase;
        Key = key;
    }

    public string? Passphrase { get; }

    public byte[]? Key { get; }

    public bool IsPassphrase => Passphrase is not null;

    public static BackupSecret FromPassphrase(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var trimmed = passphrase.TrimEnd('\r', '\n');
        return trimmed.Length >= MinimumPassphraseLength
            ? new BackupSecret(trimmed, null)
            : throw new BackupException(BackupErrors.WeakPassphrase, $"A backup passphrase has at least {MinimumPassphraseLength} characters.");
    }

    public static BackupSecret FromKey(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new BackupException(BackupErrors.BadKey, "The backup key is not base64.");
        }

        return key.Length == Sm4Gcm.KeySize
            ? new BackupSecret(null, key)
            : throw new BackupException(BackupErrors.BadKey, $"The backup key must be {Sm4Gcm.KeySize} bytes, not {key.Length}.");
    }

    /// <summary>The SM4 key for a file whose header carries <paramref name="salt"/> and <paramref name="iterations"/>.</summary>
    public byte[] DeriveKey(byte[] salt, int iterations)
    {
        if (Key is not null)
        {
            return Key;
        }

        var generator = new Pkcs5S2ParametersGenerator(new SM3Digest());
        generator.Init(Encoding.UTF8.GetBytes(Passphrase!), salt, iterations);
        return ((KeyParameter)generator.GenerateDerivedMacParameters(Sm4Gcm.KeySize * 8)).GetKey();
    }
}
