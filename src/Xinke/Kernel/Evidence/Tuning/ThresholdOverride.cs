using Xinke.Data;

namespace Xinke.Kernel.Evidence.Tuning;

/// <summary>
/// A threshold or frequency of a rule as the IT director set it, replacing the value the
/// framework file gives: who, when and why are kept beside it, and every change is audited.
/// </summary>
public sealed class ThresholdOverride : IVersioned
{
    public const int NameMaxLength = 64;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public required string FrameworkCode { get; set; }

    public required string RequirementId { get; set; }

    public required string Name { get; set; }

    public double Value { get; set; }

    public required string Reason { get; set; }

    public long EditedById { get; set; }

    public DateTime EditedAt { get; set; }

    public long Version { get; set; }
}
