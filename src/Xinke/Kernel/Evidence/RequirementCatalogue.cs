using System.Text.Json;

namespace Xinke.Kernel.Evidence;

/// <summary>
/// One framework as the product ships or imports it (a data file, see docs/frameworks.md): a tree
/// of nodes whose assessable leaves are the requirements, titles and explanations in both
/// languages, and the thresholds evidence is graded against, each with its citation. The
/// hospital's own regulations are the native framework (<see cref="Shipped"/>); a hospital may
/// replace that file (<c>Xinke:Evidence:CatalogueFile</c>) to tune thresholds without a new build.
/// </summary>
public sealed class RequirementCatalogue
{
    public const string NativeCode = "hospital";
    private readonly Dictionary<string, Requirement> byId;

    private RequirementCatalogue(FrameworkHeader header, IReadOnlyList<RequirementArea> areas, IReadOnlyList<Requirement> requirements, IReadOnlyDictionary<string, Threshold> defaults)
    {
        Code = header.Code;
        Version = header.Version;
        Title = new LocalisedText(header.Title);
        Note = header.Note is null ? null : new LocalisedText(header.Note);
        Areas = areas;
        Requirements = requirements;
        DefaultThresholds = defaults;
        byId = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public string Code { get; }

    public string Version { get; }

    public LocalisedText Title { get; }

    public LocalisedText? Note { get; }

    public IReadOnlyList<RequirementArea> Areas { get; }

    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>Thresholds that apply to every requirement that does not name its own.</summary>
    public IReadOnlyDictionary<string, Threshold> DefaultThresholds { get; }

    public IReadOnlyDictionary<string, double> Defaults => DefaultThresholds.ToDictionary(t => t.Key, t => t.Value.Value, StringComparer.Ordinal);

    public Requirement? Find(string id) => byId.GetValueOrDefault(id);

    public bool Contains(string id) => byId.ContainsKey(id);

    /// <summary>A named threshold of a requirement, falling back to the framework's defaults.</summary>
    public double Threshold(string requirementId, string name) => ThresholdOf(requirementId, name).Value;

    /// <summary>The threshold with its citation, as the dashboard and the evidence pack show it.</summary>
    public Threshold ThresholdOf(string requirementId, string name)
    {
        if (byId.TryGetValue(requirementId, out var requirement) && requirement.OwnThresholds.TryGetValue(name, out var own))
        {
            return own;
        }

        return DefaultThresholds.TryGetValue(name, out var fallback)
            ? fallback
            : throw new KeyNotFoundException($"The framework {Code} gives {requirementId} no threshold '{name}' and has no default for it.");
    }

    public static RequirementCatalogue Shipped() => ShippedFramework(NativeCode);

    /// <summary>A framework shipped inside the product (<c>Kernel/Evidence/Frameworks/{code}.json</c>).</summary>
    public static RequirementCatalogue ShippedFramework(string code)
    {
        using var stream = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream($"Xinke.Frameworks.{code}.json")
            ?? throw new InvalidOperationException($"The shipped framework {code} is missing from the assembly.");
        return Load(stream);
    }

    public static RequirementCatalogue Load(Stream json)
    {
        FrameworkFile? file;
        try
        {
            file = JsonSerializer.Deserialize<FrameworkFile>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The framework file is not valid JSON: {e.Message}", e);
        }

        if (file?.Framework is not { Code.Length: > 0, Version.Length: > 0 } header || file.Nodes is not { Count: > 0 })
        {
            throw new InvalidDataException("A framework file needs a framework code, version and title, and at least one node.");
        }

        var areas = new List<RequirementArea>();
        var requirements = new List<Requirement>();
        foreach (var top in file.Nodes)
        {
            areas.Add(new RequirementArea(top.Id, Text(top.Title, top.Id)));
            Collect(top, top.Id, requirements);
        }

        var duplicate = requirements.Select(r => r.Id).Concat(areas.Select(a => a.Code)).GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The node {duplicate.Key} appears twice in the framework {header.Code}.");
        }

        var defaults = Thresholds(file.Defaults);
        return new RequirementCatalogue(header, areas, requirements, defaults);
    }

    private static void Collect(NodeEntry node, string area, List<Requirement> requirements)
    {
        if (string.IsNullOrWhiteSpace(node.Id))
        {
            throw new InvalidDataException("Every node of a framework needs an id.");
        }

        var children = node.Children ?? [];
        if (node.Assessable)
        {
            if (children.Count > 0)
            {
                throw new InvalidDataException($"The assessable node {node.Id} may not have children: a requirement is a leaf.");
            }

            var mapping = node.EvidencedBy is { } by ? new EvidenceMapping(by.Framework, by.Requirements ?? []) : null;
            requirements.Add(new Requirement(
                node.Id, area, Text(node.Title, node.Id), Text(node.Explanation, node.Id), Thresholds(node.Thresholds),
                node.Source, node.Level, node.Verified ?? true, mapping, node.Documents));
            return;
        }

        if (children.Count == 0)
        {
            throw new InvalidDataException($"The node {node.Id} is neither assessable nor has children.");
        }

        foreach (var child in children)
        {
            Collect(child, area, requirements);
        }
    }

    private static LocalisedText Text(Dictionary<string, string>? texts, string id) =>
        texts is { Count: > 0 } ? new LocalisedText(texts) : throw new InvalidDataException($"The node {id} needs a title and an explanation.");

    private static Dictionary<string, Threshold> Thresholds(Dictionary<string, ThresholdEntry>? entries) =>
        (entries ?? []).ToDictionary(e => e.Key, e => new Threshold(e.Value.Value, e.Value.Citation is null ? null : new LocalisedText(e.Value.Citation)), StringComparer.Ordinal);

    private sealed record FrameworkFile(FrameworkHeader? Framework, Dictionary<string, ThresholdEntry>? Defaults, List<NodeEntry>? Nodes);

    private sealed record FrameworkHeader(string Code, string Version, Dictionary<string, string> Title, Dictionary<string, string>? Note);

    private sealed record ThresholdEntry(double Value, Dictionary<string, string>? Citation);

    private sealed record MappingEntry(string Framework, List<string>? Requirements);

    private sealed record NodeEntry(
        string Id,
        Dictionary<string, string>? Title,
        Dictionary<string, string>? Explanation,
        bool Assessable,
        string? Source,
        int? Level,
        bool? Verified,
        Dictionary<string, ThresholdEntry>? Thresholds,
        MappingEntry? EvidencedBy,
        bool Documents,
        List<NodeEntry>? Children);
}
