using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel;

/// <summary>The hospital this installation serves (<c>Xinke:Hospital</c>).</summary>
public sealed class HospitalOptions : IValidatableObject
{
    public const string Section = "Xinke:Hospital";

    [Required]
    [StringLength(100)]
    public string Name { get; set; } = "信科医院";

    /// <summary>Day-based rules (periods, SLAs, retention) use this zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Unknown time zone '{TimeZone}'.", [nameof(TimeZone)]);
        }
    }
}
