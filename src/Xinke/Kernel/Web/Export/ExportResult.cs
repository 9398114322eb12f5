using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using SpreadCheetah;

namespace Xinke.Kernel.Web.Export;

/// <summary>
/// Streams rows to the response as xlsx (SpreadCheetah) or CSV (UTF-8 with a byte-order mark,
/// which Chinese Excel needs), one row at a time: memory does not grow with the row count.
/// </summary>
public sealed class ExportResult<T>(IAsyncEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, ExportFormat format, string fileName) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var zone = services.GetRequiredService<HospitalClock>().Zone;
        var headers = columns.Select(c => localizer[c.HeaderKey].Value).ToArray();
        var extension = format == ExportFormat.Xlsx ? "xlsx" : "csv";
        var response = httpContext.Response;
        response.ContentType = format == ExportFormat.Xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{fileName}.{extension}");
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";

        var cancellationToken = httpContext.RequestAborted;
        if (format == ExportFormat.Xlsx)
        {
            await WriteXlsxAsync(response.Body, headers, zone, cancellationToken);
        }
        else
        {
            await WriteCsvAsync(response.Body, headers, zone, cancellationToken);
        }
    }

    private async Task WriteXlsxAsync(Stream body, string[] headers, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var tail = new SyncTailStream(body);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(tail, cancellationToken: cancellationToken))
        {
            await WriteSheetAsync(spreadsheet, headers, zone, cancellationToken);
        }

        await tail.FlushAsync(cancellationToken);
    }

    private async Task WriteSheetAsync(Spreadsheet spreadsheet, string[] headers, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync("Sheet1", token: cancellationToken);
        await spreadsheet.AddRowAsync(headers.Select(h => new Cell(h)).ToArray(), cancellationToken);
        var cells = new Cell[columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = ToCell(columns[i].Value(row), zone);
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private async Task WriteCsvAsync(Stream body, string[] headers, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = CsvWriter.Create(writer, options: null, leaveOpen: true);
        foreach (var header in headers)
        {
            csv.WriteField(CellText.Neutralise(header));
        }

        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(CellText.Format(column.Value(row), zone));
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static Cell ToCell(object? value, TimeZoneInfo zone) => value switch
    {
        null => new Cell(),
        int i => new Cell(i),
        long l => new Cell(l),
        double d => new Cell(d),
        decimal m => new Cell(m),
        _ => new Cell(CellText.Format(value, zone)),
    };
}
