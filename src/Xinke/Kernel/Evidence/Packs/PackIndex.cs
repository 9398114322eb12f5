using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace Xinke.Kernel.Evidence.Packs;

/// <summary>The cover facts of a pack.</summary>
public sealed record PackCover(string Hospital, DateOnly From, DateOnly To, string? Department, DateTimeOffset ExportedAt, string ExportedBy, PackChainHead ChainHead);

/// <summary>A requirement's part of the pack: its grade, and the first rows of each of its sheets.</summary>
public sealed record PackSection(string RequirementId, string Title, ComplianceStatus Status, string Reason, IReadOnlyList<SheetExcerpt> Sheets);

public sealed record SheetExcerpt(string Title, IReadOnlyList<string> Headers, List<string[]> Rows, int Total);

/// <summary>
/// Renders index.html: a printable page (cover, summary table, one section per requirement),
/// styles in its own style block, every text HTML-encoded (CJK kept readable).
/// </summary>
public static class PackIndex
{
    private const string Style = """
        body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; color: #222; }
        h1 { font-size: 1.8em; } h2 { border-bottom: 1px solid #999; padding-bottom: .2em; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; font-size: .9em; }
        th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .cover { page-break-after: always; } .cover dt { font-weight: bold; margin-top: .6em; }
        section.requirement { page-break-before: always; }
        .status-Met { color: #196c2e; } .status-PartlyMet { color: #9a6700; } .status-NotMet { color: #b42318; } .status-NotCoveredYet { color: #555; }
        .hash { font-family: monospace; word-break: break-all; }
        """;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(PackCover cover, IReadOnlyList<PackSection> sections, IReadOnlyList<string> attachments, int rowsPerSheet, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(sections);
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        var title = $"{cover.Hospital} {text["evidencepack.title"]}";
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<section class=\"cover\">\n<h1>").Append(E(title)).Append("</h1>\n<dl>\n");
        Term(html, text["evidencepack.period"], $"{D(cover.From)} — {D(cover.To)}");
        Term(html, text["evidencepack.department"], cover.Department ?? text["evidencepack.whole_hospital"]);
        Term(html, text["evidencepack.exported_at"], cover.ExportedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
        Term(html, text["evidencepack.exported_by"], cover.ExportedBy);
        html.Append("<dt>").Append(E(text["evidencepack.chain_head"])).Append("</dt><dd class=\"hash\">")
            .Append(cover.ChainHead.Sequence.ToString(CultureInfo.InvariantCulture)).Append(" · ").Append(E(cover.ChainHead.Hash)).Append("</dd>\n");
        html.Append("</dl>\n<p>").Append(E(text["evidencepack.seal_hint"])).Append("</p>\n</section>\n");

        html.Append("<section>\n<h2>").Append(E(text["evidencepack.summary"])).Append("</h2>\n<table>\n<thead><tr>");
        foreach (var header in new[] { text["evidencepack.requirement_id"].Value, text["evidencepack.requirement"].Value, text["evidencepack.status"].Value, text["evidencepack.reason"].Value })
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var section in sections)
        {
            html.Append("<tr><td><a href=\"#").Append(E(section.RequirementId)).Append("\">").Append(E(section.RequirementId)).Append("</a></td><td>")
                .Append(E(section.Title)).Append("</td><td class=\"status-").Append(section.Status).Append("\">")
                .Append(E(text[$"evidencepack.status.{section.Status}"])).Append("</td><td>").Append(E(section.Reason)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
        foreach (var section in sections)
        {
            Section(html, section, rowsPerSheet, text);
        }

        if (attachments.Count > 0)
        {
            html.Append("<section class=\"requirement\">\n<h2>").Append(E(text["evidencepack.attachments"])).Append("</h2>\n<ul>\n");
            foreach (var path in attachments)
            {
                html.Append("<li><a href=\"").Append(E(path)).Append("\">").Append(E(path)).Append("</a></li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Section(StringBuilder html, PackSection section, int rowsPerSheet, IStringLocalizer text)
    {
        html.Append("<section class=\"requirement\" id=\"").Append(E(section.RequirementId)).Append("\">\n<h2>")
            .Append(E(section.RequirementId)).Append(' ').Append(E(section.Title)).Append("</h2>\n<p>")
            .Append(E(text["evidencepack.status"])).Append(": <strong class=\"status-").Append(section.Status).Append("\">")
            .Append(E(text[$"evidencepack.status.{section.Status}"])).Append("</strong></p>\n<p>").Append(E(section.Reason)).Append("</p>\n");
        if (section.Sheets.Count == 0)
        {
            html.Append("<p>").Append(E(text["evidencepack.no_records"])).Append("</p>\n</section>\n");
            return;
        }

        var file = PackManifest.RecordsEntry(section.RequirementId);
        foreach (var sheet in section.Sheets)
        {
            html.Append("<h3>").Append(E(sheet.Title)).Append("</h3>\n");
            if (sheet.Total > rowsPerSheet)
            {
                html.Append("<p>").Append(E(text["evidencepack.rows_capped", sheet.Total, rowsPerSheet, file])).Append("</p>\n");
            }

            html.Append("<table>\n<thead><tr>");
            foreach (var header in sheet.Headers)
            {
                html.Append("<th>").Append(E(header)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in sheet.Rows)
            {
                html.Append("<tr>");
                foreach (var cell in row)
                {
                    html.Append("<td>").Append(E(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<p>").Append(E(text["evidencepack.records_file", file])).Append("</p>\n</section>\n");
    }

    private static void Term(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string value) => Encoder.Encode(value);
}
