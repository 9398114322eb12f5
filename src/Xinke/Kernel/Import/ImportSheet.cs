using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Xinke.Kernel.Import;

/// <summary>A data row of an imported sheet with its row number as the spreadsheet shows it.</summary>
public sealed record SheetRow(int Number, string?[] Cells);

/// <summary>
/// The first sheet of an uploaded xlsx or a CSV file, read whole within the limits before anything
/// is written: a header row, then data rows (blank rows skipped). Anything that cannot be read as
/// such — a broken zip, bad quoting, binary content, an old .xls — is a malformed file, and an
/// import of a malformed file writes nothing.
/// </summary>
public sealed class ImportSheet
{
    private const int MaxColumns = 200;
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private ImportSheet(IReadOnlyList<string> headers, IReadOnlyList<SheetRow> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>Reads <paramref name="content"/> (at most <see cref="ImportOptions.MaxBytes"/> bytes and <see cref="ImportOptions.MaxRows"/> rows).</summary>
    public static async Task<Result<ImportSheet>> ReadAsync(Stream content, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = await ReadBoundedAsync(content, options.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return new Error(ImportErrors.TooLarge, ErrorKind.TooLarge, "file", null, [options.MaxBytes / 1024 / 1024]);
        }

        if (bytes.Length == 0)
        {
            return Error.Invalid(ImportErrors.Empty, "file");
        }

        try
        {
            var rows = bytes.AsSpan().StartsWith(ZipSignature) ? ReadXlsx(bytes)
                : bytes.AsSpan().StartsWith(OleSignature) || bytes.Contains((byte)0) ? null
                : ReadCsv(bytes);
            return rows is null ? Error.Invalid(ImportErrors.Malformed, "file") : Shape(rows, options);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return Error.Invalid(ImportErrors.Malformed, "file");
        }
    }

    private static Result<ImportSheet> Shape(IEnumerable<(int Number, string?[] Cells)> source, ImportOptions options)
    {
        string[]? headers = null;
        var rows = new List<SheetRow>();
        foreach (var (number, cells) in source)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers is null)
            {
                headers = [.. cells.Select(c => c?.Trim() ?? string.Empty)];
                continue;
            }

            if (rows.Count == options.MaxRows)
            {
                return Error.Invalid(ImportErrors.TooManyRows, "file", options.MaxRows);
            }

            rows.Add(new SheetRow(number, cells));
        }

        return headers is null ? Error.Invalid(ImportErrors.Empty, "file") : new ImportSheet(headers, rows);
    }

    private static IEnumerable<(int, string?[])> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var number = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            yield return (number, [.. row.Values.Take(MaxColumns).Select(CellText)]);
        }
    }

    private static IEnumerable<(int, string?[])> ReadCsv(byte[] bytes)
    {
        var options = new CsvReaderOptions { HasHeader = false, MalformedData = CsvMalformedDataHandling.Throw, PoolStrings = false };
        using var reader = CsvReader.FromText(Decode(bytes), options);
        while (reader.Read())
        {
            var cells = new string?[Math.Min(reader.FieldCount, MaxColumns)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            yield return ((int)reader.RowNumber, cells);
        }
    }

    /// <summary>UTF-8 (with or without a byte-order mark) as the product writes it; else GB18030, as Chinese Excel saves CSV.</summary>
    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            span = span[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(span);
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime at when at.TimeOfDay == TimeSpan.Zero => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
