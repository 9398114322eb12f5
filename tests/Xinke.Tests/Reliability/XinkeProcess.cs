using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Xinke.Tests.Reliability;

/// <summary>
/// The real server as a child process (<c>dotnet Xinke.dll serve</c>), on a free loopback port,
/// configured by environment variables only, so that a test can kill it as a power cut would.
/// </summary>
public sealed class XinkeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private XinkeProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the server wrote so far, for the assertion message when something goes wrong.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<XinkeProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var binaries = ServerFolder();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binaries,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(binaries, "Xinke.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new XinkeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), address);
        child.process.OutputDataReceived += (_, line) => child.Append(line.Data);
        child.process.ErrorDataReceived += (_, line) => child.Append(line.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        await child.WaitUntilLiveAsync(cancellationToken);
        return child;
    }

    public HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no transaction finished — as a power cut.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await probe.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The server did not come up:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server's own build output (src/Xinke/bin/…), next to the tests' in the same configuration.</summary>
    internal static string ServerFolder()
    {
        var tests = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Xinke.slnx")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("No Xinke.slnx above the tests."), "src", "Xinke", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "Xinke.dll")) ? folder : throw new FileNotFoundException("Build the server first.", Path.Combine(folder, "Xinke.dll"));
    }
}
