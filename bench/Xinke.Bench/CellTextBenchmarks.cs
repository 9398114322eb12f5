using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Xinke.Kernel.Web.Export;

namespace Xinke.Bench;

/// <summary>
/// What making one typical export row's cells safe and local costs, against concatenating the
/// same values as they come.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CellTextBenchmarks
{
    private const string Format = "Format";
    private const string Neutralise = "Neutralise";

    private static readonly object?[] Cells =
    [
        "INC-2026-000123",
        "门诊三楼打印机卡纸",
        "=HYPERLINK(\"http://example.invalid\")",
        42,
        new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc),
        true,
        null,
    ];

    private static readonly string[] Texts = [.. Cells.OfType<string>()];

    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Format)]
    public string Concat_of_the_values() => string.Concat(Cells);

    [Benchmark]
    [BenchmarkCategory(Format)]
    public string CellText_Format_each_value()
    {
        var texts = new string[Cells.Length];
        for (var i = 0; i < Cells.Length; i++)
        {
            texts[i] = CellText.Format(Cells[i], zone);
        }

        return string.Concat(texts);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Neutralise)]
    public string Concat_of_the_texts() => string.Concat(Texts);

    [Benchmark]
    [BenchmarkCategory(Neutralise)]
    public string CellText_Neutralise_each_text()
    {
        var texts = new string[Texts.Length];
        for (var i = 0; i < Texts.Length; i++)
        {
            texts[i] = CellText.Neutralise(Texts[i]);
        }

        return string.Concat(texts);
    }
}
