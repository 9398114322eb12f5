using Xinke.Kernel.Cli;

namespace Xinke.Tests.Kernel.Cli;

public sealed class HostTokensTests
{
    [Fact]
    public void Configuration_overrides_and_host_switches_with_their_values_are_left_for_the_host()
    {
        string[] tokens = ["--Database:Provider=postgres", "--ConnectionStrings:Postgres", "Host=db;Database=xinke", "--urls", "http://127.0.0.1:6000", "--environment=Production", "Xinke:Jobs:Enabled=false"];

        Assert.Empty(HostTokens.Unknown(tokens));
    }

    [Fact]
    public void A_mistyped_option_or_a_stray_word_is_unknown()
    {
        Assert.Equal(["--fiels"], HostTokens.Unknown(["--fiels"]));
        Assert.Equal(["now"], HostTokens.Unknown(["now", "--Database:Provider=sqlite"]));
        Assert.Equal(["-f", "--=x"], HostTokens.Unknown(["-f", "--=x"]));
    }
}
