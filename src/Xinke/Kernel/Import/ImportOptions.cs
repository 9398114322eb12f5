namespace Xinke.Kernel.Import;

/// <summary>Limits of a spreadsheet import (<c>Xinke:Import</c>): a file beyond either is refused whole.</summary>
public sealed class ImportOptions
{
    public const string Section = "Xinke:Import";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRows { get; set; } = 50_000;

    /// <summary>Row errors listed in a report; the counts stay exact beyond it.</summary>
    public int MaxReportedErrors { get; set; } = 1_000;
}
