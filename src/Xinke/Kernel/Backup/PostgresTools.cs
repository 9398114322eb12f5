using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Xinke.Kernel.Backup;

/// <summary>
/// Runs <c>pg_dump</c> and <c>pg_restore</c> of the server's own major version (an older tool
/// cannot read a newer server; a newer one writes dumps an older restore cannot read). The
/// password reaches them through the environment, never the command line, and is never logged.
/// </summary>
public sealed partial class PostgresTools(IOptions<BackupOptions> options)
{
    public async Task RunAsync(string tool, int serverMajor, string connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = await FindAsync(tool, serverMajor, cancellationToken);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupException(BackupErrors.ToolMissing, $"{tool} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupException(BackupErrors.ToolFailed, $"{tool} failed ({process.ExitCode}): {(await errors).Trim()}{(await output).Trim()}");
        }
    }

    private async Task<string> FindAsync(string tool, int serverMajor, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (options.Value.PostgresBinFolder is { Length: > 0 } configured)
        {
            candidates.Add(Path.Combine(configured, tool));
        }

        candidates.Add(Path.Combine("/usr/lib/postgresql", serverMajor.ToString(CultureInfo.InvariantCulture), "bin", tool));
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool)));
        var seen = new List<string>();
        foreach (var candidate in candidates.Where(File.Exists).Distinct(StringComparer.Ordinal))
        {
            var major = await MajorOfAsync(candidate, cancellationToken);
            if (major == serverMajor)
            {
                return candidate;
            }

            seen.Add($"{candidate} ({major?.ToString(CultureInfo.InvariantCulture) ?? "?"})");
        }

        throw new BackupException(BackupErrors.ToolMissing, seen.Count == 0
            ? $"{tool} of PostgreSQL {serverMajor} was not found: install the PostgreSQL client of the server's version or set Xinke:Backup:PostgresBinFolder."
            : $"{tool} of PostgreSQL {serverMajor} was not found (only {string.Join(", ", seen)}): set Xinke:Backup:PostgresBinFolder.");
    }

    private static async Task<int?> MajorOfAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start);
        if (process is null)
        {
            return null;
        }

        var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var match = VersionPattern().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex VersionPattern();
}
