using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Crypto;

/// <summary>
/// The installation's SM2 signing key (GB/T 32918): generated at first use, kept in the data
/// folder outside the database, readable by the service account only. It signs audit
/// checkpoints, archives and evidence packs; its public key is what a reviewer checks them with.
/// </summary>
public sealed class InstallationKey
{
    private const string FileName = "installation-sm2.pem";
    private readonly Lazy<AsymmetricCipherKeyPair> pair;

    public InstallationKey(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        var path = FileOf(dataFolder);
        pair = new Lazy<AsymmetricCipherKeyPair>(() => LoadOrCreate(path), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The public key as SubjectPublicKeyInfo DER, base64: what is shown and exported.</summary>
    public string PublicKey => Convert.ToBase64String(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Value.Public).GetDerEncoded());

    public string PublicKeyPem
    {
        get
        {
            using var text = new StringWriter();
            new PemWriter(text).WriteObject(pair.Value.Public);
            return text.ToString();
        }
    }

    /// <summary>The private key as PEM, for the installation's own sealed backup only.</summary>
    public string ExportPrivatePem()
    {
        using var text = new StringWriter();
        new PemWriter(text).WriteObject(pair.Value.Private);
        return text.ToString();
    }

    /// <summary>The file a restore writes the backed-up signing key to.</summary>
    public static string FileOf(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        return dataFolder.PathOf("keys", FileName);
    }

    public byte[] Sign(byte[] message)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithRandom(pair.Value.Private, new SecureRandom()));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(string publicKeyBase64, byte[] message, byte[] signature)
    {
        try
        {
            var key = PublicKeyFactory.CreateKey(Convert.FromBase64String(publicKeyBase64));
            var signer = new SM2Signer();
            signer.Init(false, key);
            signer.BlockUpdate(message, 0, message.Length);
            return signer.VerifySignature(signature);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidCastException or IOException)
        {
            return false;
        }
    }

    private static AsymmetricCipherKeyPair LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            using var reader = File.OpenText(path);
            return (AsymmetricCipherKeyPair)new PemReader(reader).ReadObject();
        }

        var curve = GMNamedCurves.GetByName("sm2p256v1");
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECDomainParameters(curve), new SecureRandom()));
        var created = generator.GenerateKeyPair();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pem = new StringBuilder();
        using (var text = new StringWriter(pem))
        {
            new PemWriter(text).WriteObject(created.Private);
        }

        var temporary = path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created readable by the service account only, never world-readable even for a moment.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, fileOptions))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(pem.ToString());
        }

        File.Move(temporary, path);
        return created;
    }
}
