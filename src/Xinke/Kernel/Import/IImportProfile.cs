namespace Xinke.Kernel.Import;

/// <summary>
/// What a module provides to import its records: the columns, how a row becomes a record (or is
/// rejected), the checks that need the whole file or the database, and how the accepted records are
/// written. The <see cref="Importer"/> does the rest the same way for every module.
/// </summary>
public interface IImportProfile<TRecord>
    where TRecord : class
{
    /// <summary>A short name for the audit trail and the template's file name (<c>people</c>).</summary>
    string Name { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Builds the record of one row, or returns null after rejecting it on <paramref name="row"/>.</summary>
    TRecord? Parse(ImportRow row);

    /// <summary>Checks across rows and against stored records (duplicates, references); rejects rows through <see cref="ImportRow.Reject"/>.</summary>
    Task CheckAsync(IReadOnlyList<(ImportRow Row, TRecord Record)> rows, CancellationToken cancellationToken);

    /// <summary>Writes the accepted records; runs inside the import's transaction, which the importer commits.</summary>
    Task SaveAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}
