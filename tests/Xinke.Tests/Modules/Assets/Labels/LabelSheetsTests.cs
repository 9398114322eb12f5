using System.Text.RegularExpressions;
using Xinke.Modules.Assets.Labels;

namespace Xinke.Tests.Modules.Assets.Labels;

/// <summary>The layout of label sheets and the QR code's payload, without the web host.</summary>
public sealed partial class LabelSheetsTests
{
    [Fact]
    public void The_first_sheet_starts_at_the_chosen_position_and_the_rest_fill_whole_sheets()
    {
        var preset = LabelPreset.Find("50x30")!;
        var labels = Enumerable.Range(1, 40).Select(i => new AssetLabel($"ZC-{i:D3}", "联想 启天", "PC", "信息科", $"https://x/assets/s/ZC-{i:D3}")).ToList();

        var sheets = LabelSheets.Layout(labels, preset, start: 30);

        Assert.Equal(36, preset.PerSheet);
        Assert.Equal(2, sheets.Count);
        Assert.All(sheets[0].Take(29), Assert.Null);
        Assert.Equal("ZC-001", sheets[0][29]!.Tag);
        Assert.Equal(36, sheets[0].Count);
        Assert.Equal("ZC-008", sheets[1][0]!.Tag);
        Assert.Equal(33, sheets[1].Count);
    }

    [Fact]
    public void A_start_position_beyond_the_sheet_is_refused()
    {
        var preset = LabelPreset.Find("70x40")!;

        Assert.Throws<ArgumentOutOfRangeException>(() => LabelSheets.Layout([], preset, preset.PerSheet + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelSheets.Layout([], preset, 0));
    }

    [Fact]
    public void Both_presets_fit_on_A4()
    {
        Assert.True(LabelPreset.All.Count >= 2);
        Assert.All(LabelPreset.All, p =>
        {
            Assert.True(p.MarginLeftMm >= 0 && p.MarginTopMm >= 0, p.Code);
            Assert.True((p.WidthMm * p.Columns) + (2 * p.MarginLeftMm) == LabelPreset.SheetWidthMm, p.Code);
        });
    }

    [Fact]
    public void The_QR_code_encodes_the_scanned_page_of_the_tag_on_the_printing_site()
    {
        var url = AssetQrCodes.ScanUrl("https://it.hospital.example/", "ZC-2026-000123");
        var svg = AssetQrCodes.Svg(url);
        var other = AssetQrCodes.Svg(AssetQrCodes.ScanUrl("https://it.hospital.example", "ZC-2026-000124"));

        Assert.Equal("https://it.hospital.example/assets/s/ZC-2026-000123", url);
        Assert.Equal("/assets/s/A%2FB%20C", AssetQrCodes.ScanPath("A/B C"));
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Matches(ViewBox(), svg);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
        Assert.NotEqual(svg, other);
    }

    [GeneratedRegex("viewBox=\"0 0 [0-9]+ [0-9]+\"")]
    private static partial Regex ViewBox();
}
