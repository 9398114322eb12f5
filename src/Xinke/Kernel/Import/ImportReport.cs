namespace Xinke.Kernel.Import;

/// <summary>
/// The outcome of an import or of its dry run: how many rows the file held, how many passed and
/// failed, how many were written (0 for a dry run and for a strict import with any failure), and why
/// each failed row was rejected.
/// </summary>
public sealed record ImportReport(
    bool DryRun,
    ImportMode Mode,
    int TotalRows,
    int Accepted,
    int Rejected,
    int Imported,
    IReadOnlyList<ImportRowError> Errors,
    bool ErrorsTruncated);
