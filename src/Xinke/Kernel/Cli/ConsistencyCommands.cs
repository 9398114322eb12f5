using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data.Consistency;

namespace Xinke.Kernel.Cli;

/// <summary><c>xinke check</c>: proves the stored records keep the rules the product enforces, on any installation.</summary>
public static class ConsistencyCommands
{
    /// <summary>The exit code when a record breaks a rule.</summary>
    public const int Inconsistent = 4;

    public static Command Build(Func<string[], WebApplication> createApp)
    {
        var check = new Command("check", "Check that the stored records keep the rules: the audit chain, the obligations, each module's rules.");
        check.TreatUnmatchedTokensAsErrors = false;
        check.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            return await RunAsync(app, token) ? 0 : Inconsistent;
        });
        return check;
    }

    /// <summary>Runs every record check and prints one row per area and one per violation found. True when none was.</summary>
    public static async Task<bool> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        ConsistencyReport? report = null;
        await AnsiConsole.Status().StartAsync("Checking the records", async context =>
            report = await scope.ServiceProvider.GetRequiredService<ConsistencyCheck>().RunAsync(
                new Progress<string>(area => context.Status($"Checking {area}")), cancellationToken));

        var table = new Table().AddColumns("Area", "Requirement", "Record", "Finding");
        foreach (var area in report!.Areas)
        {
            table.AddRow(
                Markup.Escape(area.Area),
                string.Empty,
                string.Empty,
                area.ViolationCount == 0 ? "[green]consistent[/]" : string.Create(CultureInfo.InvariantCulture, $"[red]{area.ViolationCount} violation(s)[/]"));
            foreach (var violation in area.Violations)
            {
                table.AddRow(string.Empty, Markup.Escape(violation.RequirementId), Markup.Escape(violation.Record), Markup.Escape(violation.Message));
            }
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(report.Consistent ? "[green]Every record keeps the rules.[/]" : "[red]Some records break the rules (above).[/]");
        return report.Consistent;
    }
}
