using System.Globalization;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Import;

/// <summary>An empty sheet with an import's columns, headed in the caller's language (both languages' headers are understood on import).</summary>
public static class ImportTemplates
{
    public static IResult Of(HttpContext http, string? format, IReadOnlyList<ImportColumn> columns, string fileName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(columns);
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

        // The export writer looks header keys up in the resources; a header text that is no key comes back as itself.
        var headers = columns.Select(c => new ExportColumn<object>(english && c.Headers.Length > 1 ? c.Headers[1] : c.Headers.FirstOrDefault() ?? c.Key, _ => null)).ToList();
        return new ExportResult<object>(AsyncEnumerable.Empty<object>(), headers, parsed.Value, fileName);
    }
}
