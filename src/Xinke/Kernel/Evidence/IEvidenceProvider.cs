namespace Xinke.Kernel.Evidence;

/// <summary>
/// What a module implements for the requirement IDs it serves: grade the records of a period
/// (and department, when asked) against the catalogue's thresholds, say why in one line with
/// figures, and link to the records. Registered with <c>AddEvidenceProvider&lt;T&gt;()</c>.
/// </summary>
public interface IEvidenceProvider
{
    IReadOnlyCollection<string> RequirementIds { get; }

    Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken);
}
