using System.ComponentModel.DataAnnotations;

namespace Xinke.Modules.Systems;

/// <summary>
/// The register (<c>Xinke:Systems</c>): how often a system of a classified-protection level is
/// assessed (等级测评). Level 3 yearly and level 4 every half year are the regulator's rule;
/// levels 1 and 2 have no fixed interval.
/// </summary>
public sealed class SystemsOptions
{
    public const string Section = "Xinke:Systems";

    [Range(1, 60)]
    public int Level3AssessmentMonths { get; set; } = 12;

    [Range(1, 60)]
    public int Level4AssessmentMonths { get; set; } = 6;

    /// <summary>Months between assessments at <paramref name="level"/>, or null when the level sets none.</summary>
    public int? AssessmentMonths(int level) => level switch
    {
        3 => Level3AssessmentMonths,
        4 => Level4AssessmentMonths,
        _ => null,
    };
}
