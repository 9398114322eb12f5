namespace Xinke.Kernel.Evidence;

/// <summary>
/// Answers for any framework. A native rule asks its providers; a mapped rule takes the worst of
/// the native rules that prove it — one record set, proved everywhere, never greener than its
/// weakest part. Each native rule is evaluated once per question however many items map to it.
/// </summary>
public sealed class FrameworkEvidence(ComplianceFrameworks frameworks, ComplianceEvidence evidence)
{
    public const string MappedReason = "evidence.mapped";

    public Task<IReadOnlyList<EvidenceAnswer>> EvaluateAsync(RequirementCatalogue framework, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return EvaluateAsync(framework, framework.Requirements, query, cancellationToken);
    }

    /// <summary>Some rules of a framework, each native rule they rest on evaluated once.</summary>
    public async Task<IReadOnlyList<EvidenceAnswer>> EvaluateAsync(RequirementCatalogue framework, IEnumerable<Requirement> requirements, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(requirements);
        var cache = new Dictionary<string, EvidenceAnswer>(StringComparer.Ordinal);
        var answers = new List<EvidenceAnswer>();
        foreach (var requirement in requirements)
        {
            answers.Add(await EvaluateAsync(framework, requirement, query, cache, cancellationToken));
        }

        return answers;
    }

    private async Task<EvidenceAnswer> EvaluateAsync(RequirementCatalogue framework, Requirement requirement, EvidenceQuery query, Dictionary<string, EvidenceAnswer> cache, CancellationToken cancellationToken)
    {
        if (framework.Code == frameworks.Native.Code)
        {
            return await NativeAsync(requirement.Id, query, cache, cancellationToken);
        }

        var proving = new List<EvidenceAnswer>();
        foreach (var id in requirement.EvidencedBy!.Requirements)
        {
            proving.Add(await NativeAsync(id, query, cache, cancellationToken));
        }

        var worst = proving.MinBy(a => a.Status)!;
        var figures = string.Join(", ", proving.Select(a => a.RequirementId));
        return new EvidenceAnswer(requirement.Id, worst.Status, new EvidenceReason(MappedReason, figures, worst.RequirementId), [.. proving.SelectMany(a => a.Links).Distinct()]);
    }

    private async Task<EvidenceAnswer> NativeAsync(string id, EvidenceQuery query, Dictionary<string, EvidenceAnswer> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(id, out var answer))
        {
            answer = await evidence.EvaluateAsync(id, query, cancellationToken);
            cache[id] = answer;
        }

        return answer;
    }
}
