namespace Xinke.Kernel.Crypto;

/// <summary>
/// <c>Xinke:Crypto</c>: the key that encrypts sensitive fields. Given as base64 (<c>FieldKey</c>,
/// e.g. from an environment variable) or a file holding it (<c>FieldKeyFile</c>); otherwise a key
/// file is generated in the data folder on first use. A key file is the current key of a ring
/// whose retired keys sit beside it (<c>.retired</c>, see <see cref="KeyRing"/>); an inline key is
/// a ring of one. Several instances must share one key: give them one key file on a share, so a
/// rotation reaches them all. The key is never stored in the database nor logged.
/// </summary>
public sealed class CryptoOptions
{
    public const string Section = "Xinke:Crypto";

    public string? FieldKey { get; set; }

    public string? FieldKeyFile { get; set; }
}
