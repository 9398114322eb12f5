using System.Globalization;

namespace Xinke.Modules.ServiceDesk.Reports;

/// <summary>
/// A bar chart drawn on the server as SVG geometry (no chart library, no script, no inline style:
/// colours come from the classes in the stylesheet). The page writes one rect and label per bar.
/// </summary>
public sealed class SvgBarChart
{
    public const int Width = 720;
    public const int Height = 220;
    private const int Top = 16;
    private const int Bottom = 40;
    private const int Left = 8;

    public SvgBarChart(IReadOnlyList<(string Label, double Value, string? CssClass)> data, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var max = Math.Max(maximum ?? (data.Count == 0 ? 0 : data.Max(d => d.Value)), 1);
        var slot = data.Count == 0 ? 0 : (double)(Width - Left * 2) / data.Count;
        var plot = Height - Top - Bottom;
        Bars = [.. data.Select((d, i) =>
        {
            var height = plot * Math.Max(d.Value, 0) / max;
            return new SvgBar(
                Format(Left + i * slot + slot * 0.15),
                Format(Top + plot - height),
                Format(slot * 0.7),
                Format(height),
                Format(Left + i * slot + slot / 2),
                Format(Top + plot - height - 3),
                Format(Height - Bottom + 14),
                d.Label,
                d.Value.ToString("0.#", CultureInfo.InvariantCulture),
                "bar" + (d.CssClass is null ? string.Empty : " " + d.CssClass));
        })];
        AxisY = Format(Top + plot);
    }

    public IReadOnlyList<SvgBar> Bars { get; }

    public string AxisY { get; }

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One bar: its rectangle, where its value and its label are written, and its classes.</summary>
public sealed record SvgBar(string X, string Y, string Width, string Height, string CenterX, string ValueY, string LabelY, string Label, string Value, string CssClass);
