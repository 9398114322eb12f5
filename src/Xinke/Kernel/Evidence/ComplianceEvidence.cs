namespace Xinke.Kernel.Evidence;

/// <summary>
/// Asks every provider about every rule of the catalogue. A rule no provider serves answers
/// <see cref="ComplianceStatus.NotCoveredYet"/>; a rule served by several answers with the worst
/// of their grades, so the view is never greener than the weakest record set.
/// </summary>
public sealed class ComplianceEvidence(RequirementCatalogue catalogue, IEnumerable<IEvidenceProvider> providers)
{
    public const string NotCoveredReason = "evidence.not_covered";

    public async Task<IReadOnlyList<EvidenceAnswer>> EvaluateAsync(EvidenceQuery query, CancellationToken cancellationToken)
    {
        var answers = new List<EvidenceAnswer>(catalogue.Requirements.Count);
        foreach (var requirement in catalogue.Requirements)
        {
            answers.Add(await EvaluateAsync(requirement.Id, query, cancellationToken));
        }

        return answers;
    }

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        var serving = providers.Where(p => p.RequirementIds.Contains(requirementId)).ToList();
        if (serving.Count == 0)
        {
            return new EvidenceAnswer(requirementId, ComplianceStatus.NotCoveredYet, new EvidenceReason(NotCoveredReason), []);
        }

        var answers = new List<EvidenceAnswer>(serving.Count);
        foreach (var provider in serving)
        {
            answers.Add(await provider.EvaluateAsync(requirementId, query, cancellationToken));
        }

        var worst = answers.MinBy(a => a.Status)!;
        return worst with { Links = [.. answers.SelectMany(a => a.Links).Distinct()] };
    }
}
