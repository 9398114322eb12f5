using System.Text;
using System.Text.Json.Nodes;
using Xinke.Kernel.Evidence;

namespace Xinke.Tests.Kernel.Evidence;

/// <summary>The shipped catalogue with some thresholds changed, as a hospital would tune its own copy.</summary>
public static class TunedCatalogue
{
    public static string ShippedJson()
    {
        using var stream = typeof(RequirementCatalogue).Assembly.GetManifestResourceStream("Xinke.Frameworks.hospital.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static RequirementCatalogue With(string requirementId, params (string Name, double Value)[] thresholds)
    {
        var root = JsonNode.Parse(ShippedJson())!;
        var requirement = root["nodes"]!.AsArray().SelectMany(area => area!["children"]!.AsArray()).Single(r => (string?)r!["id"] == requirementId)!;
        var own = requirement["thresholds"] as JsonObject ?? [];
        foreach (var (name, value) in thresholds)
        {
            own[name] = new JsonObject { ["value"] = value };
        }

        requirement["thresholds"] = own.DeepClone();
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(root.ToJsonString()));
        return RequirementCatalogue.Load(json);
    }
}
