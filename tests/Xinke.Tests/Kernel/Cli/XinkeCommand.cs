using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xinke.Tests.Reliability;

namespace Xinke.Tests.Kernel.Cli;

/// <summary>
/// One run of the real executable as an operator types it (<c>dotnet Xinke.dll keys rotate …</c>),
/// configured by environment variables only: its exit code and everything it printed.
/// </summary>
public sealed record XinkeCommand(int ExitCode, string Output)
{
    /// <summary>The output with line breaks and runs of spaces made single spaces: the console wraps long lines at its width.</summary>
    public string Text => Regex.Replace(Output, @"\s+", " ");

    public static async Task<XinkeCommand> RunAsync(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var binaries = XinkeProcess.ServerFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binaries,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(binaries, "Xinke.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        output.Append(await standardOutput).Append(await standardError);
        return new XinkeCommand(process.ExitCode, output.ToString());
    }
}
