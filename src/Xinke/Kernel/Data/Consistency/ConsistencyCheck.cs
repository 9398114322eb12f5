namespace Xinke.Kernel.Data.Consistency;

/// <summary>Runs every registered record check and gathers what they found (<c>xinke check</c>, and after <c>xinke demo</c>).</summary>
public sealed class ConsistencyCheck(IEnumerable<IRecordRuleCheck> checks)
{
    /// <summary>Stops listing an area's violations after this many; the count still says how many there were.</summary>
    public const int ListedPerArea = 50;

    public async Task<ConsistencyReport> RunAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var areas = new List<AreaResult>();
        foreach (var check in checks.OrderBy(c => c.Area, StringComparer.Ordinal))
        {
            progress?.Report(check.Area);
            var listed = new List<RuleViolation>();
            var count = 0;
            await foreach (var violation in check.FindViolationsAsync(cancellationToken))
            {
                count++;
                if (listed.Count < ListedPerArea)
                {
                    listed.Add(violation);
                }
            }

            areas.Add(new AreaResult(check.Area, count, listed));
        }

        return new ConsistencyReport(areas);
    }
}

/// <summary>What one area's check found: how many violations, and the first of them.</summary>
public sealed record AreaResult(string Area, int ViolationCount, IReadOnlyList<RuleViolation> Violations);

public sealed record ConsistencyReport(IReadOnlyList<AreaResult> Areas)
{
    public bool Consistent => Areas.All(a => a.ViolationCount == 0);

    public IEnumerable<RuleViolation> Violations => Areas.SelectMany(a => a.Violations);
}
