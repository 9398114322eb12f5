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
    private const string NodeKey = "node";
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

    private RequirementCatalogue(RequirementCatalogue source, IReadOnlyList<Requirement> requirements)
    {
        Code = source.Code;
        Version = source.Version;
        Title = source.Title;
        Note = source.Note;
        Areas = source.Areas;
        Requirements = requirements;
        DefaultThresholds = source.DefaultThresholds;
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

    /// <summary>
    /// This framework with some rules' thresholds set to other values (the IT director's overrides),
    /// each keeping the citation of the value it replaces; names the file does not give are ignored.
    /// </summary>
    public RequirementCatalogue WithThresholds(IEnumerable<(string RequirementId, string Name, double Value)> values)
    {
        var changes = values.Where(v => Contains(v.RequirementId) && (Find(v.RequirementId)!.OwnThresholds.ContainsKey(v.Name) || DefaultThresholds.ContainsKey(v.Name)))
            .ToLookup(v => v.RequirementId, StringComparer.Ordinal);
        if (changes.Count == 0)
        {
            return this;
        }

        var requirements = Requirements.Select(requirement =>
        {
            if (!changes.Contains(requirement.Id))
            {
                return requirement;
            }

            var own = new Dictionary<string, Threshold>(requirement.OwnThresholds, StringComparer.Ordinal);
            foreach (var change in changes[requirement.Id])
            {
                own[change.Name] = new Threshold(change.Value, ThresholdOf(requirement.Id, change.Name).Citation);
            }

            return requirement with { OwnThresholds = own };
        }).ToList();
        return new RequirementCatalogue(this, requirements);
    }

    /// <summary>The node (or part of the file) a refused framework file is at fault in, as the loader named it.</summary>
    public static string NodeOf(InvalidDataException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return refused.Data[NodeKey] as string ?? "file";
    }

    /// <summary>A refusal naming the node at fault, so an import answers with a field-level problem.</summary>
    internal static InvalidDataException Refused(string node, string message, Exception? inner = null)
    {
        var refused = new InvalidDataException(message, inner);
        refused.Data[NodeKey] = node;
        return refused;
    }

    public static RequirementCatalogue Shipped() => ShippedFramework(NativeCode);

    /// <summary>A framework shipped inside the product (<c>Kernel/Evidence/Frameworks/{code}.json</c>).</summary>
    public static RequirementCatalogue ShippedFramework(string code)
    {
        using var stream = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream($"Xinke.Frameworks.{code}.json")
            ?? throw new InvalidOperationException($"The shipped framework {code} is missing from the assembly.");
        return Load(stream);
    }

    public static RequirementCatalogue Load(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
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
            throw Refused("file", $"The framework file is not valid JSON: {e.Message}", e);
        }

        if (file?.Framework is not { Code.Length: > 0, Version.Length: > 0, Title.Count: > 0 } header || file.Nodes is not { Count: > 0 })
        {
            throw Refused("framework", "A framework file needs a framework code, version and title, and at least one node.");
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
            throw Refused(duplicate.Key, $"The node {duplicate.Key} appears twice in the framework {header.Code}.");
        }

        var defaults = Thresholds(file.Defaults);
        return new RequirementCatalogue(header, areas, requirements, defaults);
    }

    private static void Collect(NodeEntry node, string area, List<Requirement> requirements)
    {
        if (string.IsNullOrWhiteSpace(node.Id))
        {
            throw Refused("nodes", "Every node of a framework needs an id.");
        }

        var children = node.Children ?? [];
        if (node.Assessable)
        {
            if (children.Count > 0)
            {
                throw Refused(node.Id, $"The assessable node {node.Id} may not have children: a requirement is a leaf.");
            }

            var mapping = node.EvidencedBy is { } by ? new EvidenceMapping(by.Framework, by.Requirements ?? []) : null;
            requirements.Add(new Requirement(
                node.Id, area, Text(node.Title, node.Id), Text(node.Explanation, node.Id), Thresholds(node.Thresholds),
                node.Source, node.Level, node.Verified ?? true, mapping, node.Documents));
            return;
        }

        if (children.Count == 0)
        {
            throw Refused(node.Id, $"The node {node.Id} is neither assessable nor has children.");
        }

        foreach (var child in children)
        {
            Collect(child, area, requirements);
        }
    }

    private static LocalisedText Text(Dictionary<string, string>? texts, string id) =>
        texts is { Count: > 0 } ? new LocalisedText(texts) : throw Refused(id, $"The node {id} needs a title and an explanation.");

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
