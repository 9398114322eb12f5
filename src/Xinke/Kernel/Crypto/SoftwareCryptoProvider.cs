using System.Text;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Digests;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>SM4-GCM in software (BouncyCastle) under the field key of <see cref="CryptoOptions"/>.</summary>
public sealed class SoftwareCryptoProvider : ICryptoProvider
{
    public const string DefaultFileName = "fields-sm4.key";
    private readonly byte[] key;

    public SoftwareCryptoProvider(IOptions<CryptoOptions> options, DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataFolder);
        var settings = options.Value;
        key = !string.IsNullOrWhiteSpace(settings.FieldKey) ? Parse(settings.FieldKey, "Xinke:Crypto:FieldKey")
            : !string.IsNullOrWhiteSpace(settings.FieldKeyFile) ? Parse(File.ReadAllText(settings.FieldKeyFile), settings.FieldKeyFile)
            : LoadOrCreate(KeyFileOf(dataFolder));
        var digest = new SM3Digest();
        digest.BlockUpdate(key, 0, key.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        KeyId = Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    public string KeyId { get; }

    public byte[] Encrypt(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData) => Sm4Gcm.Encrypt(key, plaintext, associatedData);

    public byte[] Decrypt(ReadOnlySpan<byte> sealedData, ReadOnlySpan<byte> associatedData) => Sm4Gcm.Decrypt(key, sealedData, associatedData);

    public byte[]? ExportKeyForBackup() => key.ToArray();

    /// <summary>The file a restore writes the backed-up key to; read at start when no key is configured.</summary>
    public static string KeyFileOf(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return dataFolder.PathOf("keys", DefaultFileName);
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

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Readable by the service account only, never world-readable even for a moment.
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, fileOptions))
            {
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(Sm4Gcm.NewKey())));
            }

            try
            {
                File.Move(temporary, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created the key first: use its key, never two.
                File.Delete(temporary);
            }
        }

        return Parse(File.ReadAllText(path), path);
    }
}
