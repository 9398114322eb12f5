namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// The records behind an evidence provider's grade, for an evidence pack: for each requirement
/// ID it serves, the sheets of records of the period (and department, when asked). Rows are
/// streamed from the database (no tracking, never loaded whole), so a pack for a year of a large
/// hospital does not hold a year of records in memory. Registered with
/// <c>AddEvidenceRecordSource&lt;T&gt;()</c>.
/// </summary>
public interface IEvidenceRecordSource
{
    IReadOnlyCollection<string> RequirementIds { get; }

    IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken);
}
