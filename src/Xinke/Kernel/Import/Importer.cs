using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Import;

/// <summary>
/// The one import procedure of the product: read the whole file within the limits, match the
/// header row to the profile's columns, check every row, and only then write — nothing for a dry
/// run, nothing in strict mode when any row fails, the good rows in lenient mode — in one
/// transaction with one audit event that names the file's outcome.
/// </summary>
public sealed class Importer(XinkeDb db, IOptions<ImportOptions> options, IStringLocalizer<SharedResource> text, AuditLog audit)
{
    public const string AuditActionName = "import";

    public async Task<Result<ImportReport>> RunAsync<TRecord>(IImportProfile<TRecord> profile, Stream content, ImportMode mode, bool dryRun, CancellationToken cancellationToken)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(profile);
        var limits = options.Value;
        var read = await ImportSheet.ReadAsync(content, limits, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Error!;
        }

        var sheet = read.Value!;
        var positions = MatchColumns(profile.Columns, sheet.Headers);
        if (!positions.Succeeded)
        {
            return positions.Error!;
        }

        var rows = sheet.Rows.Select(r => new ImportRow(r, positions.Value!)).ToList();
        var parsed = new List<(ImportRow Row, TRecord Record)>();
        foreach (var row in rows)
        {
            if (profile.Parse(row) is { } record && !row.HasProblems)
            {
                parsed.Add((row, record));
            }
        }

        await profile.CheckAsync(parsed, cancellationToken);
        var accepted = parsed.Where(p => !p.Row.HasProblems).Select(p => p.Record).ToList();
        var rejected = rows.Count(r => r.HasProblems);
        var errors = rows.Where(r => r.HasProblems)
            .SelectMany(r => r.Problems.Select(p => new ImportRowError(r.Number, HeaderOf(profile.Columns, p.Column), p.Code, text[p.Code, p.Arguments].Value)))
            .ToList();
        var write = !dryRun && accepted.Count > 0 && (mode == ImportMode.Lenient || rejected == 0);
        var report = new ImportReport(dryRun, mode, rows.Count, accepted.Count, rejected, write ? accepted.Count : 0,
            [.. errors.Take(limits.MaxReportedErrors)], errors.Count > limits.MaxReportedErrors);
        if (dryRun)
        {
            return report;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (write)
        {
            await profile.SaveAsync(accepted, cancellationToken);
        }

        var details = JsonSerializer.Serialize(new { profile = profile.Name, mode = mode.ToString(), report.TotalRows, report.Imported, report.Rejected });
        await audit.RecordAsync(AuditActionName, write ? AuditOutcome.Success : AuditOutcome.Refused, cancellationToken, entityType: profile.Name, details: details);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private static Result<IReadOnlyDictionary<string, int>> MatchColumns(IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> headers)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < headers.Count; index++)
        {
            if (columns.FirstOrDefault(c => c.Matches(headers[index])) is not { } column)
            {
                continue;
            }

            if (!positions.TryAdd(column.Key, index))
            {
                return Error.Invalid(ImportErrors.DuplicateColumn, "file", headers[index]);
            }
        }

        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Key)).Select(c => HeaderOf(columns, c.Key)).ToList();
        return missing.Count > 0 ? Error.Invalid(ImportErrors.MissingColumns, "file", string.Join("、", missing)) : positions;
    }

    private static string HeaderOf(IReadOnlyList<ImportColumn> columns, string key) =>
        columns.FirstOrDefault(c => c.Key == key)?.Headers.FirstOrDefault() ?? key;
}
