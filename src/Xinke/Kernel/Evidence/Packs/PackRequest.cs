namespace Xinke.Kernel.Evidence.Packs;

/// <summary>
/// What a pack is asked for: a period (hospital dates, inclusive), the requirement IDs (empty:
/// every rule of the catalogue) and optionally a department (and beneath it).
/// </summary>
public sealed record PackRequest(DateOnly From, DateOnly To, IReadOnlyList<string> RequirementIds, long? DepartmentId)
{
    public const string InvalidPeriod = "evidence_pack.invalid_period";
    public const string UnknownRequirement = "evidence_pack.unknown_requirement";

    public Error? Validate(RequirementCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (From > To)
        {
            return Error.Invalid(InvalidPeriod, "from");
        }

        return RequirementIds.Any(id => !catalogue.Contains(id)) ? Error.Invalid(UnknownRequirement, "requirementIds") : null;
    }

    /// <summary>The selection in catalogue order; all rules when none was named.</summary>
    public IReadOnlyList<string> Selected(RequirementCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return RequirementIds.Count == 0
            ? [.. catalogue.Requirements.Select(r => r.Id)]
            : [.. catalogue.Requirements.Select(r => r.Id).Where(id => RequirementIds.Contains(id, StringComparer.Ordinal))];
    }
}

/// <summary>How far a pack is: requirements done of the total.</summary>
public sealed record PackProgress(int Done, int Total);
