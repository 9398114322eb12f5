using Xinke.Kernel.Cli;

namespace Xinke.Tests.Kernel;

public sealed class CliTests
{
    [Fact]
    public void Help_lists_the_verbs()
    {
        using var output = new StringWriter();
        var root = XinkeCli.Build(_ => throw new InvalidOperationException("help must not start the app"));

        var exit = root.Parse(["--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("serve", text, StringComparison.Ordinal);
        Assert.Contains("migrate", text, StringComparison.Ordinal);
        Assert.Contains("demo", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_are_left_for_the_host()
    {
        var root = XinkeCli.Build(_ => throw new InvalidOperationException("not invoked"));

        var parsed = root.Parse(["serve", "--urls", "http://127.0.0.1:6000", "--Database:Provider=sqlite"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["--urls", "http://127.0.0.1:6000", "--Database:Provider=sqlite"], parsed.UnmatchedTokens);
    }
}
