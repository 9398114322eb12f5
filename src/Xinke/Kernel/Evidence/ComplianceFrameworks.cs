namespace Xinke.Kernel.Evidence;

/// <summary>
/// Every framework the installation assesses against: the hospital's regulations (native — its
/// rules are evidenced by the modules' records) and the frameworks mapped onto them, such as
/// classified protection level 3, whose every item names the native rules that prove it.
/// </summary>
public sealed class ComplianceFrameworks
{
    private readonly Dictionary<string, RequirementCatalogue> byCode;

    public ComplianceFrameworks(RequirementCatalogue native, IEnumerable<RequirementCatalogue> mapped)
    {
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(mapped);
        Native = native;
        byCode = new Dictionary<string, RequirementCatalogue>(StringComparer.Ordinal) { [native.Code] = native };
        foreach (var framework in mapped)
        {
            CheckMappings(native, framework);
            if (!byCode.TryAdd(framework.Code, framework))
            {
                throw new InvalidDataException($"Two frameworks share the code {framework.Code}.");
            }
        }

        All = [.. byCode.Values];
    }

    public RequirementCatalogue Native { get; }

    public IReadOnlyList<RequirementCatalogue> All { get; }

    public RequirementCatalogue? Find(string? code) => code is null ? Native : byCode.GetValueOrDefault(code);

    /// <summary>The rules of mapped frameworks that a native rule's records also prove.</summary>
    public IEnumerable<(RequirementCatalogue Framework, Requirement Requirement)> ProvedBy(string nativeRequirementId) =>
        from framework in All
        where framework != Native
        from requirement in framework.Requirements
        where requirement.EvidencedBy?.Requirements.Contains(nativeRequirementId) == true
        select (framework, requirement);

    /// <summary>Refuses a mapped framework whose rules do not each name native rules that exist, naming the rule.</summary>
    public static void CheckMappings(RequirementCatalogue native, RequirementCatalogue framework)
    {
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(framework);
        foreach (var requirement in framework.Requirements)
        {
            if (requirement.EvidencedBy is not { } mapping || mapping.Framework != native.Code || mapping.Requirements.Count == 0)
            {
                throw RequirementCatalogue.Refused(requirement.Id, $"{framework.Code} {requirement.Id} must name the rules of the {native.Code} framework that prove it.");
            }

            if (mapping.Requirements.FirstOrDefault(id => !native.Contains(id)) is { } unknown)
            {
                throw RequirementCatalogue.Refused(requirement.Id, $"{framework.Code} {requirement.Id} maps to {unknown}, which the {native.Code} framework does not hold.");
            }
        }
    }
}

/// <summary>The frameworks mapped onto the native one, loaded once: classified protection level 3 ships with the product.</summary>
public sealed record MappedFrameworks(IReadOnlyList<RequirementCatalogue> All)
{
    public static readonly IReadOnlyList<string> Shipped = ["gbt22239-l3"];
}
