using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Xinke.Kernel.Evidence;

namespace Xinke.Tests.Kernel.Evidence;

public sealed class ComplianceFrameworksTests
{
    private static readonly RequirementCatalogue Native = RequirementCatalogue.Shipped();

    [Fact]
    [Trait("Req", "SEC-01")]
    public void Classified_protection_level_3_ships_as_data_mapped_onto_the_hospitals_rules()
    {
        var level3 = RequirementCatalogue.ShippedFramework("gbt22239-l3");
        var frameworks = new ComplianceFrameworks(Native, [level3]);

        Assert.Equal(["hospital", "gbt22239-l3"], frameworks.All.Select(f => f.Code));
        Assert.Equal(["8.1.4", "8.1.5", "8.1.6-10"], level3.Areas.Select(a => a.Code));
        Assert.Equal(36, level3.Requirements.Count);
        Assert.All(level3.Requirements, r =>
        {
            Assert.Equal(3, r.Level);
            Assert.False(r.Verified);
            Assert.Equal("hospital", r.EvidencedBy!.Framework);
            Assert.All(r.EvidencedBy.Requirements, id => Assert.True(Native.Contains(id), $"{r.Id} maps to {id}"));
            Assert.NotEqual(r.Title.For(new CultureInfo("zh-CN")), r.Title.For(new CultureInfo("en-US")));
        });
        Assert.Contains(frameworks.ProvedBy("ACC-06"), p => p.Requirement.Id == "8.1.4.3a-b");
        Assert.Empty(frameworks.ProvedBy("ACR-01"));
    }

    [Fact]
    public void A_mapped_framework_naming_a_rule_the_hospital_framework_lacks_is_refused()
    {
        var refused = Assert.Throws<InvalidDataException>(() => new ComplianceFrameworks(Native, [Mapped("ZZZ-99")]));

        Assert.Contains("ZZZ-99", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_rule_that_names_no_proof_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => new ComplianceFrameworks(Native, [Mapped()]));
    }

    [Fact]
    public void Two_frameworks_with_one_code_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => new ComplianceFrameworks(Native, [Mapped("ACC-01"), Mapped("ACC-02")]));
    }

    private static RequirementCatalogue Mapped(params string[] proofs)
    {
        var node = new JsonObject
        {
            ["id"] = "1.1",
            ["assessable"] = true,
            ["title"] = new JsonObject { ["zh-CN"] = "信息化评审条款" },
            ["explanation"] = new JsonObject { ["zh-CN"] = "说明" },
            ["evidencedBy"] = new JsonObject { ["framework"] = "hospital", ["requirements"] = new JsonArray([.. proofs.Select(p => JsonValue.Create(p))]) },
        };
        var file = new JsonObject
        {
            ["framework"] = new JsonObject { ["code"] = "accreditation", ["version"] = "2025", ["title"] = new JsonObject { ["zh-CN"] = "评审标准" } },
            ["nodes"] = new JsonArray(new JsonObject { ["id"] = "1", ["title"] = new JsonObject { ["zh-CN"] = "信息" }, ["children"] = new JsonArray(node) }),
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file.ToJsonString()));
        return RequirementCatalogue.Load(stream);
    }
}
