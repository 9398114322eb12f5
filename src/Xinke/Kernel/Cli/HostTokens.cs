namespace Xinke.Kernel.Cli;

/// <summary>
/// Tells the tokens a verb leaves for the host's configuration (<c>--Section:Key=value</c>,
/// <c>--Section:Key value</c>, <c>--urls</c>, <c>--environment</c>) from mistyped ones. The host
/// ignores what it cannot read, so a verb that changes keys must refuse, not drop, a typo such
/// as <c>--fiels</c>: the operator would believe the files were rotated.
/// </summary>
public static class HostTokens
{
    private static readonly HashSet<string> HostSwitches = new(StringComparer.OrdinalIgnoreCase) { "environment", "urls", "contentRoot", "applicationName" };

    /// <summary>The tokens that are neither configuration overrides nor host switches (nor their values).</summary>
    public static IReadOnlyList<string> Unknown(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var unknown = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var named = token.StartsWith("--", StringComparison.Ordinal) ? token[2..] : token;
            var equals = named.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? named : named[..equals];
            var forTheHost = name.Length > 0 && (name.Contains(':', StringComparison.Ordinal) || HostSwitches.Contains(name));
            if (!forTheHost || (named == token && equals < 0))
            {
                unknown.Add(token);
            }
            else if (equals < 0 && i + 1 < tokens.Count)
            {
                // "--Section:Key value": the next token is the value.
                i++;
            }
        }

        return unknown;
    }
}
