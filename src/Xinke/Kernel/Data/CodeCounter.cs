namespace Xinke.Kernel.Data;

/// <summary>The last human code issued for one kind in one year (INC-2026-000123).</summary>
[Audit.NotAudited("A counter bump is implied by the audited record that took the code.")]
public sealed class CodeCounter
{
    public required string Kind { get; init; }

    public int Year { get; init; }

    public long Last { get; set; }
}
