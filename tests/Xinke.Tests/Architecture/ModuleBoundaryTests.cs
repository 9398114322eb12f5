using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Architecture;

/// <summary>
/// A module reaches another only through that module's public service, never into its tables
/// (DESIGN.md): no source file of one module names another module's entity in a <c>Set&lt;T&gt;()</c>.
/// </summary>
public sealed partial class ModuleBoundaryTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task No_module_queries_the_tables_of_another()
    {
        var owners = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Select(e => e.ClrType)
            .Where(t => t.Namespace?.StartsWith("Xinke.Modules.", StringComparison.Ordinal) == true)
            .ToDictionary(t => t.Name, t => t.Namespace!.Split('.')[2], StringComparer.Ordinal)));
        Assert.NotEmpty(owners);
        var modules = Path.Combine(RepositoryRoot(), "src", "Xinke", "Modules");

        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(modules, "*.cs", SearchOption.AllDirectories))
        {
            var module = Path.GetRelativePath(modules, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match match in SetOf().Matches(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)))
            {
                if (owners.TryGetValue(match.Groups[1].Value, out var owner) && owner != module)
                {
                    offences.Add($"{Path.GetRelativePath(modules, file)} reads {owner}'s {match.Groups[1].Value}");
                }
            }
        }

        Assert.Empty(offences);
    }

    [Fact]
    public async Task No_page_carries_an_inline_style_which_the_content_security_policy_would_block()
    {
        var pages = Path.Combine(RepositoryRoot(), "src", "Xinke");
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            if ((await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Contains(" style=\"", StringComparison.Ordinal))
            {
                offending.Add(Path.GetRelativePath(pages, file));
            }
        }

        Assert.Empty(offending);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Xinke.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Xinke.slnx) was not found above the test binaries.");
    }

    [GeneratedRegex(@"Set<\s*(?:[\w.]+\.)?(\w+)\s*>")]
    private static partial Regex SetOf();
}
