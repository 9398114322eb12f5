using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpreadCheetah;
using Xinke.Kernel;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Bench;

/// <summary>
/// The export writer on 100,000 rows into a null response body, against SpreadCheetah and
/// CsvHelper writing the same rows directly: the floor the file formats impose. What lies
/// between is per-cell formatting (hospital time zone, formula neutralising) and boxing.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ExportBenchmarks
{
    private const string Xlsx = "xlsx";
    private const string Csv = "csv";

    private static readonly ExportColumn<Row>[] Columns =
    [
        new("export.code", r => r.Code),
        new("export.name", r => r.Name),
        new("export.rank", r => r.Rank),
        new("export.createdAt", r => r.CreatedAt),
    ];

    private static readonly string[] Headers = ["code", "name", "rank", "createdAt"];

    private Row[] rows = [];
    private ServiceProvider services = null!;

    [Params(100_000)]
    public int RowCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        rows = [.. Enumerable.Range(1, RowCount).Select(i => new Row($"INC-2026-{i:D6}", $"门诊打印机 {i} 号 - 检查记录", i % 97, start.AddMinutes(i)))];
        var collection = new ServiceCollection().AddLogging().AddXinkeLocalization();
        collection.AddOptions<HospitalOptions>();
        collection.AddSingleton<HospitalClock>();
        services = collection.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Xlsx)]
    public async Task SpreadCheetah_directly()
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(Stream.Null);
        await spreadsheet.StartWorksheetAsync("Sheet1");
        await spreadsheet.AddRowAsync(Headers.Select(h => new Cell(h)).ToArray());
        var cells = new Cell[Headers.Length];
        foreach (var row in rows)
        {
            cells[0] = new Cell(row.Code);
            cells[1] = new Cell(row.Name);
            cells[2] = new Cell(row.Rank);
            cells[3] = new Cell(row.CreatedAt);
            await spreadsheet.AddRowAsync(cells);
        }

        await spreadsheet.FinishAsync();
    }

    [Benchmark]
    [BenchmarkCategory(Xlsx)]
    public Task ExportResult_xlsx() => Export(ExportFormat.Xlsx);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Csv)]
    public async Task CsvHelper_directly()
    {
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await using var csv = CsvWriter.Create(writer, options: null, leaveOpen: true);
        foreach (var header in Headers)
        {
            csv.WriteField(header);
        }

        await csv.EndRecordAsync();
        foreach (var row in rows)
        {
            csv.WriteField(row.Code);
            csv.WriteField(row.Name);
            csv.WriteField(row.Rank, default);
            csv.WriteField(row.CreatedAt, CellText.DateTimeFormat);
            await csv.EndRecordAsync();
        }

        await csv.FlushAsync();
    }

    [Benchmark]
    [BenchmarkCategory(Csv)]
    public Task ExportResult_csv() => Export(ExportFormat.Csv);

    // A DefaultHttpContext's response body is a null stream: only the writing is measured.
    private Task Export(ExportFormat format) =>
        new ExportResult<Row>(rows.ToAsyncEnumerable(), Columns, format, "bench")
            .ExecuteAsync(new DefaultHttpContext { RequestServices = services });

    public sealed record Row(string Code, string Name, int Rank, DateTime CreatedAt);
}
