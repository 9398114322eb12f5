using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Spectre.Console;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Cli;

/// <summary>
/// The verbs of the one executable. No verb serves. Every verb builds the same application
/// and uses its services, so the console can never bypass a rule the web enforces.
/// Tokens that no verb knows (<c>--urls</c>, <c>--environment</c>, configuration overrides)
/// are handed to the host's configuration.
/// </summary>
public static class XinkeCli
{
    public static RootCommand Build(Func<string[], WebApplication> createApp)
    {
        var demoFlag = new Option<bool>("--demo") { Description = "Fill an empty installation with a small demo hospital before serving." };
        var serve = new Command("serve", "Serve the web UI and the API (the default).") { demoFlag };
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction((result, token) => ServeAsync(createApp(Rest(result)), result.GetValue(demoFlag), token));

        var migrate = new Command("migrate", "Apply database migrations, then exit.");
        migrate.TreatUnmatchedTokensAsErrors = false;
        migrate.SetAction(async (result, token) =>
        {
            await using var app = createApp(Rest(result));
            var applied = await MigrateAsync(app, token);
            AnsiConsole.MarkupLineInterpolated($"[green]Database is up to date[/] ({applied.Count} migration(s) applied).");
            return 0;
        });

        var size = new Option<DemoSize>("--size") { Description = "small (seconds) or large (benchmark size).", DefaultValueFactory = _ => DemoSize.Small };
        var demo = new Command("demo", "Fill an installation that holds no business records with a demo hospital.") { size };
        demo.TreatUnmatchedTokensAsErrors = false;
        demo.SetAction(async (result, token) =>
        {
            await using var app = createApp(Rest(result));
            await MigrateAsync(app, token);
            if (!await SeedDemoAsync(app, result.GetValue(size), token))
            {
                return 2;
            }

            // The generated hospital must keep every rule a real one is held to.
            return await ConsistencyCommands.RunAsync(app, token) ? 0 : ConsistencyCommands.Inconsistent;
        });

        var bootstrap = new Command("bootstrap", "Create the three administrator accounts if the installation has none (serve does this too).");
        bootstrap.TreatUnmatchedTokensAsErrors = false;
        bootstrap.SetAction(async (result, token) =>
        {
            await using var app = createApp(Rest(result));
            await MigrateAsync(app, token);
            return await BootstrapAsync(app, token) ? 0 : 2;
        });
        var userArgument = new Argument<string>("user") { Description = "The user name of the account." };
        var reset = new Command("reset", "Issue a new one-time password (and forget the second factor) for an account, from the server console.") { userArgument };
        reset.TreatUnmatchedTokensAsErrors = false;
        reset.SetAction(async (result, token) =>
        {
            await using var app = createApp(Rest(result));
            await MigrateAsync(app, token);
            return await ResetAsync(app, result.GetValue(userArgument)!, token);
        });
        bootstrap.Subcommands.Add(reset);

        var root = new RootCommand("信科 Xinke — the hospital IT department's system of record.") { serve, migrate, demo, bootstrap, AuditCommands.Build(createApp), EvidenceCommands.Build(createApp), BackupCommands.Build(createApp), KeysCommands.Build(createApp), ConsistencyCommands.Build(createApp), demoFlag };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((result, token) => ServeAsync(createApp(Rest(result)), result.GetValue(demoFlag), token));
        return root;
    }

    /// <summary>True while the build runs the app to describe its endpoints: no database is there.</summary>
    public static bool IsGeneratingOpenApiAtBuild =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    private static string[] Rest(ParseResult result) => [.. result.UnmatchedTokens];

    private static async Task<int> ServeAsync(WebApplication app, bool demo, CancellationToken cancellationToken)
    {
        await using (app)
        {
            if (IsGeneratingOpenApiAtBuild)
            {
                // The build runs the app to describe its endpoints: no database, no server.
                await app.RunAsync();
                return 0;
            }

            await MigrateAsync(app, cancellationToken);
            if (!await BootstrapAsync(app, cancellationToken))
            {
                return 2;
            }

            await SyncObligationsAsync(app, cancellationToken);
            if (demo && !await SeedDemoAsync(app, DemoSize.Small, cancellationToken))
            {
                return 2;
            }

            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                foreach (var url in addresses)
                {
                    app.Logger.LogInformation("Xinke is serving {Url} — sign in at {Url}/account/login", url, url.TrimEnd('/'));
                }
            });
            await app.RunAsync();
            return 0;
        }
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    /// <summary>The modules' declared obligations, written before the first request can read them.</summary>
    private static async Task SyncObligationsAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Obligations.ObligationDeclarationSync>().SyncAsync(cancellationToken);
    }

    /// <summary>
    /// Prints the administrators' one-time passwords to the console, once, and never to the log:
    /// whoever starts the first instance hands them over.
    /// </summary>
    private static async Task<bool> BootstrapAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<BootstrapService>().RunAsync(cancellationToken);
        if (!outcome.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Bootstrap refused:[/] {outcome.Error!.Code} ({BootstrapService.PasswordVariable} must satisfy the password policy).");
            return false;
        }

        if (outcome.Value!.Count > 0)
        {
            AnsiConsole.MarkupLine("[yellow]First start: the three administrator accounts were created. Each must change this password and enrol a second factor at the first log-in.[/]");
            foreach (var credential in outcome.Value)
            {
                AnsiConsole.MarkupLineInterpolated($"  [bold]{credential.UserName}[/]  {credential.Password}");
            }
        }

        return true;
    }

    private static async Task<int> ResetAsync(WebApplication app, string userName, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reset = await scope.ServiceProvider.GetRequiredService<BootstrapService>().ResetAsync(userName, cancellationToken);
        if (!reset.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No account named[/] {userName} ({reset.Error!.Code}).");
            return 3;
        }

        AnsiConsole.MarkupLineInterpolated($"One-time password for [bold]{userName}[/]: {reset.Value}");
        AnsiConsole.MarkupLine("It must be changed, and a second factor enrolled again, at the next log-in.");
        return 0;
    }

    private static async Task<bool> SeedDemoAsync(WebApplication app, DemoSize size, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<DemoRunner>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<string> notes = [];
        var outcome = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var progress = new DemoProgress(context);
                var ran = await runner.RunAsync(size, progress, cancellationToken);
                progress.Finish();
                notes = progress.Notes;
                return ran;
            });
        foreach (var note in notes)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]demo:[/] {note}");
        }

        if (!outcome.Succeeded)
        {
            AnsiConsole.MarkupLine(outcome.Error!.Code == DemoRunner.NotEmpty
                ? "[red]This installation already holds business records; demo data is never mixed with a real hospital's.[/]"
                : $"[red]Demo refused:[/] {Markup.Escape(outcome.Error.Code)}");
            return false;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]Demo hospital ready[/] ({outcome.Value!.Count} seeder(s), {started.Elapsed:hh\\:mm\\:ss}).");
        return true;
    }
}
