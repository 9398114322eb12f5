using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Cli;

/// <summary><c>audit verify</c> and <c>audit checkpoint export</c>: run on the server console as <c>cli:&lt;os user&gt;</c>, audited.</summary>
public static class AuditCommands
{
    public const int ChainBroken = 3;

    public static Command Build(Func<string[], WebApplication> createApp)
    {
        var from = new Option<long>("--from") { Description = "Verify from this sequence number on (the event before it is trusted).", DefaultValueFactory = _ => 1 };
        var verify = new Command("verify", "Verify the audit chain against its head and the latest checkpoint.") { from };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            return await VerifyAsync(app, result.GetValue(from), token);
        });

        var export = new Command("export", "Write a signed checkpoint of the chain's head to the checkpoint folder.");
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            return await ExportAsync(app, token);
        });

        var before = new Option<DateOnly>("--before") { Description = "Archive the events that occurred before this date (hospital time); it must lie beyond the retention.", Required = true };
        var archive = new Command("archive", "Move events older than the retention into a signed archive file.") { before };
        archive.TreatUnmatchedTokensAsErrors = false;
        archive.SetAction(async (result, token) =>
        {
            await using var app = createApp([.. result.UnmatchedTokens]);
            return await ArchiveAsync(app, result.GetValue(before), token);
        });

        return new Command("audit", "The tamper-evident audit log.") { verify, archive, new Command("checkpoint", "Signed checkpoints of the chain.") { export } };
    }

    private static async Task<int> VerifyAsync(WebApplication app, long from, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var checkpoint = await services.GetRequiredService<AuditCheckpoints>().LatestAsync(cancellationToken);
        var archived = await services.GetRequiredService<AuditArchive>().LatestAsync(cancellationToken);
        ChainVerification? outcome = null;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Verifying the audit chain", maxValue: double.MaxValue);
            task.IsIndeterminate = true;
            outcome = await services.GetRequiredService<ChainVerifier>().VerifyAsync(
                from, checkpoint?.Point, archived?.End, new Progress<long>(count => task.Description = $"Verified {count:N0} events"), cancellationToken);
            task.StopTask();
        });

        var result = outcome!;
        await services.GetRequiredService<AuditLog>().RecordAsync(
            AuditEvidence.VerifiedAction, result.Ok ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken, details: JsonSerializer.Serialize(result));
        if (result.Ok)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]OK[/]: {result.Count.ToString("N0", CultureInfo.InvariantCulture)} events, head {result.HeadSequence} {result.HeadHash}");
            AnsiConsole.MarkupLineInterpolated($"Checkpoint: {(checkpoint is null ? "none" : $"{checkpoint.Sequence} ({checkpoint.CreatedAt:O})")}");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]BROKEN[/] at sequence {result.FirstBadSequence}: {result.Fault?.ToString().ToLowerInvariant()}");
        return ChainBroken;
    }

    private static async Task<int> ArchiveAsync(WebApplication app, DateOnly before, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var archive = scope.ServiceProvider.GetRequiredService<AuditArchive>();
        var outcome = await archive.ArchiveAsync(before, cancellationToken);
        if (!outcome.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused[/] ({outcome.Error!.Code}): the date must lie beyond the retention, and the events to archive must verify.");
            return ChainBroken;
        }

        if (outcome.Value is not { } manifest)
        {
            AnsiConsole.MarkupLine("No event occurred before that date: nothing archived.");
            return 0;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]Archived[/] events {manifest.FirstSequence}–{manifest.LastSequence} ({manifest.Count:N0}) to {archive.Folder}");
        return 0;
    }

    private static async Task<int> ExportAsync(WebApplication app, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<AuditCheckpoints>();
        var checkpoint = await checkpoints.ExportAsync(cancellationToken);
        if (checkpoint is null)
        {
            AnsiConsole.MarkupLine("The audit chain is empty: no checkpoint written.");
            return 0;
        }

        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(
            "audit_checkpoint_exported", AuditOutcome.Success, cancellationToken, details: checkpoint.Sequence.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.MarkupLineInterpolated($"[green]Checkpoint[/] {checkpoint.Sequence} {checkpoint.Hash} written to {checkpoints.Folder}");
        return 0;
    }
}
