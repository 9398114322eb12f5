using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xinke.Data;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

public abstract class ExportTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : ExportTests(DatabaseKind.Sqlite)
    {
        [Fact]
        public async Task An_xlsx_export_of_200000_rows_streams_with_bounded_memory()
        {
            const int rows = 200_000;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            using var response = await Client.GetAsync($"/api/v1/test-probes/synthetic-export?rows={rows}&format=xlsx", HttpCompletionOption.ResponseHeadersRead, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            var file = Path.Combine(App.Database.DataFolder, "export.xlsx");
            long peakGrowth = 0;
            long producedAtFirstBytes = -1;
            await using (var body = await response.Content.ReadAsStreamAsync(Cancel))
            await using (var output = File.Create(file))
            {
                var buffer = new byte[64 * 1024];
                int read;
                long total = 0;
                long nextSample = 0;
                while ((read = await body.ReadAsync(buffer, Cancel)) > 0)
                {
                    if (producedAtFirstBytes < 0)
                    {
                        // Give the server time to run ahead if it were buffering the whole export.
                        await Task.Delay(300, Cancel);
                        producedAtFirstBytes = ProbeApi.SyntheticRowsProduced;
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), Cancel);
                    total += read;
                    if (total >= nextSample)
                    {
                        peakGrowth = Math.Max(peakGrowth, GC.GetTotalMemory(forceFullCollection: true) - before);
                        nextSample += 1024 * 1024;
                    }
                }
            }

            Assert.InRange(producedAtFirstBytes, 1, rows / 2);
            Assert.InRange(peakGrowth, long.MinValue, 48L * 1024 * 1024);
            var count = MiniExcel.Query(file, useHeaderRow: true).Count();
            Assert.Equal(rows, count);
        }
    }

    public sealed class OnPostgres() : ExportTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    protected override Task StartedAsync() =>
        App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));

    [Fact]
    public async Task An_xlsx_export_holds_what_the_same_filter_and_sort_select()
    {
        await CreateAsync("门诊打印机", 3);
        await CreateAsync("住院部交换机", 1);
        await CreateAsync("急诊打印机", 2);

        var bytes = await Client.GetByteArrayAsync("/api/v1/test-probes/export?format=xlsx&q=打印机&sort=-rank", Cancel);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["门诊打印机", "急诊打印机"], rows.Select(r => (string)r["probe.name"]));
        Assert.Equal([3d, 2d], rows.Select(r => Convert.ToDouble(r["probe.rank"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_csv_export_has_a_byte_order_mark_and_neutralised_formulas()
    {
        await CreateAsync("=HYPERLINK(\"http://evil\",\"点我\")", 1);
        await CreateAsync("+86 打印机", 2);
        await CreateAsync("@SUM(A1)", 3);
        await CreateAsync("-1 号机房", 4);

        using var response = await Client.GetAsync("/api/v1/test-probes/export?format=csv", Cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var names = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1]).ToList();
        Assert.All(names, name => Assert.DoesNotMatch("^\"?[=+@-]", name));
        Assert.Contains(names, name => name.Contains("'+86 打印机", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_400_problem()
    {
        var response = await Client.GetAsync("/api/v1/test-probes/export?format=pdf", Cancel);

        Assert.Equal("export.invalid_format", (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    private async Task CreateAsync(string name, int rank)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput(name, rank), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
