using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel.Web;

/// <summary>How Xinke is reached (<c>Xinke:Http</c>).</summary>
public sealed class HttpOptions
{
    public const string Section = "Xinke:Http";

    /// <summary>
    /// Plain HTTP is served on loopback only, unless this is set because a TLS-terminating
    /// gateway in front of Xinke does the encryption.
    /// </summary>
    public bool AllowPlainHttpBeyondLoopback { get; set; }

    /// <summary>Largest JSON or form body accepted, in bytes; larger is a 413 problem.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
