using System.Globalization;

namespace Xinke.Modules.Assets.Labels;

/// <summary>
/// A sheet of self-adhesive labels on A4 (210 × 297 mm): the label's size, how many across and
/// down, and the sheet's margins, all in millimetres as the print stylesheet uses them.
/// </summary>
public sealed record LabelPreset(string Code, decimal WidthMm, decimal HeightMm, int Columns, int Rows)
{
    public const decimal SheetWidthMm = 210m;
    public const decimal SheetHeightMm = 297m;

    /// <summary>50 × 30 mm, 4 × 9 on a sheet; 70 × 40 mm, 3 × 7 on a sheet.</summary>
    public static IReadOnlyList<LabelPreset> All { get; } =
    [
        new("50x30", 50m, 30m, 4, 9),
        new("70x40", 70m, 40m, 3, 7),
    ];

    public static LabelPreset Default => All[0];

    public int PerSheet => Columns * Rows;

    /// <summary>The labels sit centred on the sheet.</summary>
    public decimal MarginLeftMm => (SheetWidthMm - (WidthMm * Columns)) / 2;

    public decimal MarginTopMm => (SheetHeightMm - (HeightMm * Rows)) / 2;

    public static LabelPreset? Find(string? code) => All.SingleOrDefault(p => p.Code == code);

    /// <summary>A length for CSS: <c>12.5mm</c>.</summary>
    public static string Mm(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "mm";
}
