using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinke.Kernel.Evidence;

/// <summary>
/// The regulations' rules as the product ships them (requirements.json): titles, explanations
/// and the thresholds that evidence providers grade against. A hospital may replace the file
/// (<c>Xinke:Evidence:CatalogueFile</c>) to tune thresholds without a new build.
/// </summary>
public sealed class RequirementCatalogue
{
    private const string DefaultsKey = "defaults";
    private readonly Dictionary<string, Requirement> byId;

    private RequirementCatalogue(IReadOnlyList<RequirementArea> areas, IReadOnlyList<Requirement> requirements, IReadOnlyDictionary<string, double> defaults)
    {
        Areas = areas;
        Requirements = requirements;
        Defaults = defaults;
        byId = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<RequirementArea> Areas { get; }

    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Thresholds that apply to every requirement that does not name its own.</summary>
    public IReadOnlyDictionary<string, double> Defaults { get; }

    public Requirement? Find(string id) => byId.GetValueOrDefault(id);

    public bool Contains(string id) => byId.ContainsKey(id);

    /// <summary>A named threshold of a requirement, falling back to the catalogue's defaults.</summary>
    public double Threshold(string requirementId, string name)
    {
        if (byId.TryGetValue(requirementId, out var requirement) && requirement.Thresholds.TryGetValue(name, out var own))
        {
            return own;
        }

        return Defaults.TryGetValue(name, out var fallback)
            ? fallback
            : throw new KeyNotFoundException($"The requirement catalogue gives {requirementId} no threshold '{name}' and has no default for it.");
    }

    public static RequirementCatalogue Shipped()
    {
        using var stream = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream("Xinke.requirements.json")
            ?? throw new InvalidOperationException("The shipped requirement catalogue is missing from the assembly.");
        return Load(stream);
    }

    public static RequirementCatalogue Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The requirement catalogue is empty.");
        var areas = file.Areas.Select(a => new RequirementArea(a.Code, new LocalisedText(a.Title))).ToList();
        var areaCodes = areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var requirements = new List<Requirement>();
        foreach (var entry in file.Requirements)
        {
            var area = entry.Id.Split('-')[0];
            if (!areaCodes.Contains(area))
            {
                throw new InvalidDataException($"Requirement {entry.Id} belongs to no area of the catalogue.");
            }

            requirements.Add(new Requirement(entry.Id, area, new LocalisedText(entry.Title), new LocalisedText(entry.Explanation), entry.Thresholds ?? new Dictionary<string, double>()));
        }

        var duplicate = requirements.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Requirement {duplicate.Key} appears twice in the catalogue.");
        }

        return new RequirementCatalogue(areas, requirements, file.Defaults);
    }

    private sealed record CatalogueFile(
        [property: JsonPropertyName(DefaultsKey)] Dictionary<string, double> Defaults,
        List<AreaEntry> Areas,
        List<RequirementEntry> Requirements);

    private sealed record AreaEntry(string Code, Dictionary<string, string> Title);

    private sealed record RequirementEntry(string Id, Dictionary<string, string> Title, Dictionary<string, string> Explanation, Dictionary<string, double>? Thresholds);
}
