using QRCoder;

namespace Xinke.Modules.Assets.Labels;

/// <summary>
/// The QR code on a label: the link to the scanned asset's page (<c>/assets/s/{tag}</c>) on the
/// site the sheet was printed from, drawn as an inline SVG that scales to the label (no script, no
/// image request, so it prints under the content security policy).
/// </summary>
public static class AssetQrCodes
{
    public static string ScanPath(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return "/assets/s/" + Uri.EscapeDataString(tag);
    }

    /// <summary>The absolute link a phone opens: <paramref name="origin"/> is the site's scheme, host and base path.</summary>
    public static string ScanUrl(string origin, string tag)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return origin.TrimEnd('/') + ScanPath(tag);
    }

    /// <summary>The SVG element (no XML declaration) encoding <paramref name="payload"/>; sized by its viewBox.</summary>
    public static string Svg(string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
