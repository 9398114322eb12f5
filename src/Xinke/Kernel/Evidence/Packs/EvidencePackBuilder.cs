using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SpreadCheetah;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>A written pack's manifest and the SM3 of its manifest.json bytes (what the audit event names).</summary>
public sealed record BuiltPack(PackManifest Manifest, string ManifestSm3);

/// <summary>
/// Writes an evidence pack (ACR-02: the materials collected, archived and sealed) into a ZIP:
/// per requirement its grade and an xlsx of its records, the attachments they reference, a
/// printable index.html in Chinese, and the signed manifest of SM3 digests. Records stream from
/// the sources straight into the entries; only the first rows of each sheet are kept for the
/// HTML, so memory does not grow with the number of records. The export is audited.
/// </summary>
public sealed class EvidencePackBuilder(
    XinkeDb db,
    ComplianceEvidence evidence,
    RequirementCatalogue catalogue,
    IEnumerable<IEvidenceRecordSource> sources,
    AttachmentService attachments,
    InstallationKey key,
    AuditLog log,
    IStringLocalizer<SharedResource> text,
    HospitalClock hospital,
    TimeProvider clock,
    IOptions<HospitalOptions> hospitalOptions,
    IOptions<EvidencePackOptions> options)
{
    public const string ExportedAction = "evidence_pack_exported";
    public const string Requirement = "ACR-02";

    public async Task<BuiltPack> BuildAsync(PackRequest request, string exportedBy, Stream output, Func<PackProgress, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var culture = CultureInfo.CurrentUICulture;
        db.Database.SetCommandTimeout(TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds));

        // The pack is a Chinese document whoever exports it.
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Chinese);
        try
        {
            return await WriteAsync(request, exportedBy, output, progress, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task<BuiltPack> WriteAsync(PackRequest request, string exportedBy, Stream output, Func<PackProgress, Task>? progress, CancellationToken cancellationToken)
    {
        var selected = request.Selected(catalogue);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = EvidenceQuery.For(request.From, request.To, request.DepartmentId, hospital, now);
        var head = await db.Set<AuditHead>().AsNoTracking().Select(h => new PackChainHead(h.Sequence, h.Hash)).SingleOrDefaultAsync(cancellationToken)
            ?? new PackChainHead(0, string.Empty);
        var department = request.DepartmentId is { } id
            ? await db.Set<Department>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var files = new List<PackFile>();
        var referenced = new SortedSet<long>();
        var sections = new List<PackSection>(selected.Count);
        if (progress is not null)
        {
            await progress(new PackProgress(0, selected.Count));
        }


        await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var requirementId in selected)
            {
                var answer = await evidence.EvaluateAsync(requirementId, query, cancellationToken);
                var serving = sources.Where(s => s.RequirementIds.Contains(requirementId)).ToList();
                var sheets = new List<SheetExcerpt>();
                if (serving.Count > 0)
                {
                    var path = PackManifest.RecordsEntry(requirementId);
                    files.Add(await WriteEntryAsync(zip, path, stream => WriteRecordsAsync(stream, serving, requirementId, query, sheets, referenced, cancellationToken), cancellationToken));
                }

                sections.Add(new PackSection(requirementId, catalogue.Find(requirementId)!.Title.For(CultureInfo.CurrentUICulture), answer.Status, text[answer.Reason.Key, answer.Reason.Arguments].Value, sheets));
                if (progress is not null)
                {
                    await progress(new PackProgress(sections.Count, selected.Count));
                }
            }

            var attachmentPaths = new List<string>();
            foreach (var attachmentId in referenced)
            {
                var opened = await attachments.OpenReadAsync(attachmentId, cancellationToken);
                if (!opened.Succeeded)
                {
                    continue;
                }

                await using var content = opened.Value!.Content;
                var path = AttachmentEntry(attachmentId, opened.Value.Attachment.FileName);
                files.Add(await WriteEntryAsync(zip, path, stream => content.CopyToAsync(stream, cancellationToken), cancellationToken));
                attachmentPaths.Add(path);
            }

            var cover = new PackCover(hospitalOptions.Value.Name, request.From, request.To, department, hospital.ToLocal(now), exportedBy, head);
            var html = PackIndex.Render(cover, sections, attachmentPaths, options.Value.HtmlRowsPerSheet, text);
            files.Add(await WriteEntryAsync(zip, PackManifest.IndexEntry, stream => stream.WriteAsync(Encoding.UTF8.GetBytes(html), cancellationToken).AsTask(), cancellationToken));

            var manifest = new PackManifest(PackManifest.CurrentFormat, hospitalOptions.Value.Name, request.From, request.To, request.DepartmentId, selected, now, exportedBy, head, files);
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, PackManifest.Json);
            await WriteBytesAsync(zip, PackManifest.ManifestEntry, manifestBytes, cancellationToken);
            await WriteBytesAsync(zip, PackManifest.SignatureEntry, key.Sign(manifestBytes), cancellationToken);
            await WriteBytesAsync(zip, PackManifest.PublicKeyEntry, Encoding.ASCII.GetBytes(key.PublicKeyPem), cancellationToken);

            var digest = Sm3Of(manifestBytes);
            await log.RecordAsync(ExportedAction, AuditOutcome.Success, cancellationToken, details: JsonSerializer.Serialize(new
            {
                request.From,
                request.To,
                request.DepartmentId,
                RequirementIds = selected,
                ManifestSm3 = digest,
            }, JsonSerializerOptions.Web), requirementIds: Requirement);
            return new BuiltPack(manifest, digest);
        }
    }

    public static string Sm3Of(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var hasher = new Sm3Hasher();
        hasher.Append(bytes);
        return hasher.HexDigest();
    }

    private static string AttachmentEntry(long id, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"attachments/{id}/{FileNames.Sanitize(fileName)}");

    private static async Task<PackFile> WriteEntryAsync(ZipArchive zip, string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var hashing = new Sm3WriteStream(stream);
        await write(hashing);
        await hashing.FlushAsync(cancellationToken);
        return new PackFile(path, hashing.HexDigest(), hashing.Written);
    }

    private static async Task WriteBytesAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private async Task WriteRecordsAsync(
        Stream stream, IReadOnlyList<IEvidenceRecordSource> serving, string requirementId, EvidenceQuery query,
        List<SheetExcerpt> excerpts, SortedSet<long> referenced, CancellationToken cancellationToken)
    {
        var cap = options.Value.HtmlRowsPerSheet;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken);
        foreach (var source in serving)
        {
            await foreach (var sheet in source.SheetsAsync(requirementId, query, cancellationToken))
            {
                var title = text[sheet.TitleKey].Value;
                var headers = sheet.HeaderKeys.Select(k => text[k].Value).Append(text["evidencepack.attachments"].Value).ToArray();
                await spreadsheet.StartWorksheetAsync(WorksheetName(names, excerpts.Count + 1, title), token: cancellationToken);
                await spreadsheet.AddRowAsync(headers.Select(h => new Cell(h)).ToArray(), cancellationToken);
                var excerpt = new SheetExcerpt(title, headers, [], 0);
                var count = 0;
                var cells = new Cell[headers.Length];
                await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
                {
                    var shown = new string[headers.Length];
                    for (var i = 0; i < headers.Length - 1; i++)
                    {
                        var value = i < row.Cells.Count ? row.Cells[i] : null;
                        shown[i] = CellText.Format(value, hospital.Zone);
                        cells[i] = value is int or long or double or decimal ? ToNumber(value) : new Cell(shown[i]);
                    }

                    shown[^1] = string.Join(" ", row.AttachmentIds.Select(a => string.Create(CultureInfo.InvariantCulture, $"attachments/{a}/")));
                    cells[^1] = new Cell(shown[^1]);
                    referenced.UnionWith(row.AttachmentIds);
                    await spreadsheet.AddRowAsync(cells, cancellationToken);
                    if (count < cap)
                    {
                        excerpt.Rows.Add(shown);
                    }

                    count++;
                }

                excerpts.Add(excerpt with { Total = count });
            }
        }

        if (excerpts.Count == 0)
        {
            await spreadsheet.StartWorksheetAsync("1", token: cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private static Cell ToNumber(object? value) => value switch
    {
        int i => new Cell(i),
        long l => new Cell(l),
        double d => new Cell(d),
        decimal m => new Cell(m),
        _ => new Cell(),
    };

    /// <summary>Worksheet names are unique, at most 31 characters, without <c>[]:*?/\</c>.</summary>
    private static string WorksheetName(HashSet<string> taken, int number, string title)
    {
        var clean = new string([.. title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c))]).Trim('\'');
        var name = string.Create(CultureInfo.InvariantCulture, $"{number} {clean}");
        name = name.Length > 31 ? name[..31] : name;
        return taken.Add(name) ? name : number.ToString(CultureInfo.InvariantCulture);
    }
}
