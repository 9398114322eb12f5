namespace Xinke.Kernel.Data.Consistency;

/// <summary>
/// Looks through one area's stored records for any that break a rule the product enforces when
/// records are made through it: a record written around the rules (an import, a hand edit, a bug, a
/// demo generator) shows up here. Each module that enforces rules contributes one.
/// </summary>
public interface IRecordRuleCheck
{
    /// <summary>The area checked, as shown in the report (<c>assets</c>, <c>audit</c>).</summary>
    string Area { get; }

    IAsyncEnumerable<RuleViolation> FindViolationsAsync(CancellationToken cancellationToken);
}

/// <summary>One record that breaks a rule: the requirement it breaks, which record (<c>AST-2026-000012</c>, <c>account:42</c>), and why.</summary>
public sealed record RuleViolation(string RequirementId, string Record, string Message);
