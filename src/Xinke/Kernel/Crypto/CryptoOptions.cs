namespace Xinke.Kernel.Crypto;

/// <summary>
/// <c>Xinke:Crypto</c>: the key that encrypts sensitive fields. Given as base64 (<c>FieldKey</c>,
/// e.g. from an environment variable) or a file holding it (<c>FieldKeyFile</c>); otherwise a key
/// file is generated in the data folder on first use. Several instances must share one key:
/// configure it explicitly there. The key is never stored in the database nor logged.
/// </summary>
public sealed class CryptoOptions
{
    public const string Section = "Xinke:Crypto";

    public string? FieldKey { get; set; }

    public string? FieldKeyFile { get; set; }
}
