using System.Globalization;
using System.Text;
using Xinke.Kernel.Evidence;

namespace Xinke.Tests.Kernel.Evidence;

public sealed class RequirementCatalogueTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en-US");

    [Fact]
    public void The_shipped_catalogue_holds_every_area_of_the_regulations()
    {
        var catalogue = RequirementCatalogue.Shipped();

        Assert.Equal(["ORG", "ACC", "EQ", "ROOM", "NET", "SW", "CHG", "OPS", "DATA", "SEC", "EMG", "STAFF", "ACR"], catalogue.Areas.Select(a => a.Code));
        Assert.Equal(79, catalogue.Requirements.Count);
        Assert.All(catalogue.Requirements, r => Assert.Matches("^[A-Z]+-[0-9]{2}$", r.Id));
        Assert.Equal(6, catalogue.Requirements.Count(r => r.Area == "ACC"));
    }

    [Fact]
    public void Every_rule_is_explained_in_both_languages_in_the_products_own_words()
    {
        foreach (var requirement in RequirementCatalogue.Shipped().Requirements)
        {
            var chinese = requirement.Title.For(Chinese);
            var english = requirement.Title.For(English);
            Assert.NotEqual(chinese, english);
            Assert.Contains(chinese, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(english, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.False(string.IsNullOrWhiteSpace(requirement.Explanation.For(Chinese)), requirement.Id);
            Assert.False(string.IsNullOrWhiteSpace(requirement.Explanation.For(English)), requirement.Id);
        }
    }

    [Fact]
    public void A_culture_without_its_own_text_falls_back_to_Chinese()
    {
        var requirement = RequirementCatalogue.Shipped().Find("EQ-06")!;

        Assert.Equal(requirement.Title.For(Chinese), requirement.Title.For(new CultureInfo("fr-FR")));
        Assert.Equal(requirement.Title.For(English), requirement.Title.For(new CultureInfo("en-GB")));
    }

    [Fact]
    public void A_threshold_comes_from_the_requirement_else_from_the_defaults()
    {
        var catalogue = TunedCatalogue.With("EQ-04", ("met", 0.95));

        Assert.Equal(0.95, catalogue.Threshold("EQ-04", "met"));
        Assert.Equal(catalogue.Defaults["partly"], catalogue.Threshold("EQ-04", "partly"));
        Assert.Equal(catalogue.Defaults["met"], catalogue.Threshold("EQ-05", "met"));
        Assert.Throws<KeyNotFoundException>(() => catalogue.Threshold("EQ-04", "no-such-threshold"));
    }

    [Theory]
    [InlineData(8, 10, ComplianceStatus.Met)]
    [InlineData(7, 10, ComplianceStatus.PartlyMet)]
    [InlineData(6, 10, ComplianceStatus.NotMet)]
    [InlineData(0, 0, ComplianceStatus.NotMet)]
    public void A_share_is_graded_against_the_catalogues_thresholds(int compliant, int total, ComplianceStatus expected)
    {
        var catalogue = TunedCatalogue.With("OPS-03", ("met", 0.8), ("partly", 0.7));

        Assert.Equal(expected, EvidenceGrades.ByShare(catalogue, "OPS-03", compliant, total));
    }

    [Fact]
    public void A_framework_whose_rule_has_children_is_refused()
    {
        var json = TunedCatalogue.ShippedJson().Replace("\"id\": \"ACR-04\",", "\"id\": \"ACR-04\", \"children\": [{ \"id\": \"ACR-04a\", \"assessable\": true, \"title\": { \"zh-CN\": \"子项\" }, \"explanation\": { \"zh-CN\": \"子项\" } }],", StringComparison.Ordinal);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var refused = Assert.Throws<InvalidDataException>(() => RequirementCatalogue.Load(stream));
        Assert.Contains("ACR-04", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_framework_file_that_is_not_json_is_refused_with_a_clear_reason()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"framework\": "));
        Assert.Throws<InvalidDataException>(() => RequirementCatalogue.Load(stream));
    }

    [Fact]
    public void Every_shipped_threshold_says_where_its_value_comes_from()
    {
        var catalogue = RequirementCatalogue.Shipped();

        Assert.Equal("hospital", catalogue.Code);
        Assert.All(catalogue.DefaultThresholds.Values, t => Assert.NotNull(t.Citation));
        Assert.All(catalogue.Requirements.SelectMany(r => r.OwnThresholds.Values), t => Assert.NotNull(t.Citation));
        Assert.Equal("D9 §1.5", catalogue.Find("EQ-06")!.Source);
    }

    [Fact]
    public void A_catalogue_naming_a_rule_twice_is_refused()
    {
        var json = TunedCatalogue.ShippedJson().Replace("\"id\": \"ACR-04\"", "\"id\": \"ACR-03\"", StringComparison.Ordinal);

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<InvalidDataException>(() => RequirementCatalogue.Load(stream));
    }
}
