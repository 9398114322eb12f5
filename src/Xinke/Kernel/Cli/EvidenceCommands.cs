using System.CommandLine;
using Spectre.Console;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Kernel.Cli;

/// <summary><c>evidence export</c> (a signed pack, audited, as <c>cli:&lt;os user&gt;</c>) and <c>evidence verify</c>.</summary>
public static class EvidenceCommands
{
    public const int Invalid = 2;
    public const int PackBroken = 3;

    public static Command Build(Func<string[], WebApplication> createApp)
    {
        var from = new Option<DateOnly>("--from") { Description = "First day of the period (hospital date).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day of the period (hospital date, inclusive).", Required = true };
        var requirements = new Option<string[]>("--req") { Description = "A requirement ID to include (repeat; default: every rule).", AllowMultipleArgumentsPerToken = true };
        var department = new Option<long?>("--department") { Description = "Only this department and those beneath it." };
        var output = new Option<FileInfo>("--out") { Description = "The ZIP file to write.", Required = true };
        var export = new Command("export", "Write a signed evidence pack of a period.") { from, to, requirements, department, output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            var request = new PackRequest(result.GetValue(from), result.GetValue(to), result.GetValue(requirements) ?? [], result.GetValue(department));
            return await ExportAsync(app, request, result.GetValue(output)!, token);
        });

        var pack = new Argument<FileInfo>("pack") { Description = "The evidence pack ZIP to check." };
        var verify = new Command("verify", "Check every file's SM3 and the signature of an evidence pack; name what changed, was added or removed.") { pack };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            return await VerifyAsync(app, result.GetValue(pack)!, token);
        });

        return new Command("evidence", "Signed evidence packs for reviewers.") { export, verify };
    }

    private static async Task<int> ExportAsync(WebApplication app, PackRequest request, FileInfo output, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (request.Validate(services.GetRequiredService<RequirementCatalogue>()) is { } error)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused[/] ({error.Code}): the period must not end before it starts, and every --req must be a rule of the catalogue.");
            return Invalid;
        }

        var builder = services.GetRequiredService<EvidencePackBuilder>();
        var temporary = output.FullName + ".tmp";
        BuiltPack? built = null;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            if (Console.IsOutputRedirected)
            {
                // A log or a pipe gets plain lines, not a redrawn bar.
                built = await builder.BuildAsync(request, Actor.Console().Name, file, progress =>
                {
                    Console.WriteLine($"{progress.Done}/{progress.Total}");
                    return Task.CompletedTask;
                }, cancellationToken);
            }
            else
            {
                await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("Writing the evidence pack");
                    built = await builder.BuildAsync(request, Actor.Console().Name, file, progress =>
                    {
                        task.MaxValue = Math.Max(1, progress.Total);
                        task.Value = progress.Done;
                        return Task.CompletedTask;
                    }, cancellationToken);
                    task.StopTask();
                });
            }
        }

        File.Move(temporary, output.FullName, overwrite: true);
        AnsiConsole.MarkupLineInterpolated($"[green]Written[/] {output.FullName}: {built!.Manifest.RequirementIds.Count} requirement(s), {built.Manifest.Files.Count} file(s), manifest SM3 {built.ManifestSm3}");
        return 0;
    }

    private static async Task<int> VerifyAsync(WebApplication app, FileInfo pack, CancellationToken cancellationToken)
    {
        if (!pack.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file[/]: {pack.FullName}");
            return Invalid;
        }

        var outcome = await PackVerifier.VerifyFileAsync(pack.FullName, cancellationToken);
        foreach (var file in outcome.Changed)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]changed[/]  {file}");
        }

        foreach (var file in outcome.Added)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]added[/]    {file}");
        }

        foreach (var file in outcome.Removed)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]removed[/]  {file}");
        }

        if (!outcome.Valid)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]INVALID[/]: signature {(outcome.SignatureValid ? "valid" : "invalid")}, {outcome.Changed.Count + outcome.Added.Count + outcome.Removed.Count} file(s) differ from the manifest.");
            return PackBroken;
        }

        var installation = app.Services.GetRequiredService<InstallationKey>();
        var own = outcome.PublicKey == installation.PublicKey;
        AnsiConsole.MarkupLineInterpolated($"[green]OK[/]: {outcome.Manifest!.Files.Count} file(s) match the signed manifest; signed by {(own ? "this installation's key" : "another key (compare public-key.pem with the issuing installation's)")}.");
        return 0;
    }
}
