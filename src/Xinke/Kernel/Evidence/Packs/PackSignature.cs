using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;
using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>The pack's seal checked with the PEM public key shipped beside it (the same SM2 check as the installation's archives).</summary>
public static class PackSignature
{
    /// <summary>The public key of a PEM text as base64 SubjectPublicKeyInfo DER, as <see cref="InstallationKey.PublicKey"/> gives it; null when it is no public key.</summary>
    public static string? PublicKeyOf(string pem)
    {
        try
        {
            using var reader = new StringReader(pem);
            return new PemReader(reader).ReadObject() is AsymmetricKeyParameter { IsPrivate: false } key
                ? Convert.ToBase64String(SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetDerEncoded())
                : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidCastException or ArgumentException)
        {
            return null;
        }
    }

    public static bool Verify(string publicKeyBase64, byte[] manifest, byte[] signature) => InstallationKey.Verify(publicKeyBase64, manifest, signature);
}
