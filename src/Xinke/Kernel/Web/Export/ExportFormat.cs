namespace Xinke.Kernel.Web.Export;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

public static class ExportFormats
{
    public const string InvalidFormat = "export.invalid_format";

    public static Result<ExportFormat> Parse(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => Error.Invalid(InvalidFormat, "format"),
    };
}
