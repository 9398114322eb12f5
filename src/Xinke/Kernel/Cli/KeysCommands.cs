using System.CommandLine;
using Spectre.Console;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;

namespace Xinke.Kernel.Cli;

/// <summary>
/// <c>keys status|rotate|reencrypt|retire</c>: the field key ring (and the file key ring). Keys
/// are named by their ids only; no key is ever printed or logged.
/// </summary>
public static class KeysCommands
{
    public const int Refused = 2;

    public static Command Build(Func<string[], WebApplication> createApp)
    {
        var status = new Command("status", "Show each key ring: the current key, the retired keys, and how many values or files each still seals.");
        status.TreatUnmatchedTokensAsErrors = false;
        status.SetAction(async (result, token) =>
        {
            if (RefusedTokens(result))
            {
                return Refused;
            }

            await using var app = createApp([.. result.UnmatchedTokens]);
            await using var scope = app.Services.CreateAsyncScope();
            Show(await scope.ServiceProvider.GetRequiredService<KeyRotation>().StatusAsync(token));
            return 0;
        });

        var files = new Option<bool>("--files") { Description = "Also the file encryption key ring (Xinke:Files:Encryption:KeyFile) and the encrypted attachments." };
        var chunk = new Option<int>("--chunk") { Description = "Values re-encrypted per transaction.", DefaultValueFactory = _ => KeyRotation.DefaultChunkSize };
        var rotate = new Command("rotate", "Make a new random key current (the old one is kept, retired), then re-encrypt everything under the retired keys. Stopped, it resumes with `keys reencrypt`.") { files, chunk };
        rotate.TreatUnmatchedTokensAsErrors = false;
        rotate.SetAction(async (result, token) =>
        {
            if (RefusedTokens(result))
            {
                return Refused;
            }

            await using var app = createApp([.. result.UnmatchedTokens]);
            return await RotateAsync(app, result.GetValue(files), result.GetValue(chunk), rotateFirst: true, token);
        });

        var reencrypt = new Command("reencrypt", "Re-encrypt under the current key everything still under a retired key: resumes a stopped rotation, and is harmless to repeat.") { files, chunk };
        reencrypt.TreatUnmatchedTokensAsErrors = false;
        reencrypt.SetAction(async (result, token) =>
        {
            if (RefusedTokens(result))
            {
                return Refused;
            }

            await using var app = createApp([.. result.UnmatchedTokens]);
            return await RotateAsync(app, result.GetValue(files), result.GetValue(chunk), rotateFirst: false, token);
        });

        var keyId = new Argument<string>("key-id") { Description = "The retired key's id, as `keys status` shows it." };
        var retire = new Command("retire", "Drop a retired key from its ring, only when nothing is sealed under it any more. Back up first: older backups carry it themselves.") { keyId };
        retire.TreatUnmatchedTokensAsErrors = false;
        retire.SetAction(async (result, token) =>
        {
            if (RefusedTokens(result))
            {
                return Refused;
            }

            await using var app = createApp([.. result.UnmatchedTokens]);
            using var actor = ActorAccessor.Use(Actor.Console());
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                Show([await scope.ServiceProvider.GetRequiredService<KeyRotation>().RetireAsync(result.GetValue(keyId)!, token)]);
                return 0;
            }
            catch (KeyRingException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Refused[/]: {ex.Message}");
                return Refused;
            }
        });

        return new Command("keys", "The encryption key rings: rotate, re-encrypt, retire.") { status, rotate, reencrypt, retire };
    }

    private static async Task<int> RotateAsync(WebApplication app, bool includeFiles, int chunkSize, bool rotateFirst, CancellationToken cancellationToken)
    {
        if (chunkSize < 1)
        {
            AnsiConsole.MarkupLine("[red]Refused[/]: --chunk must be at least 1.");
            return Refused;
        }

        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var rotation = scope.ServiceProvider.GetRequiredService<KeyRotation>();
        var keyLock = scope.ServiceProvider.GetRequiredService<KeyRingLock>();
        try
        {
            // Held from the rotation to the last re-encrypted value: no other rotation or backup in between.
            await using var held = await keyLock.AcquireAsync(KeyRotation.Doing, cancellationToken);
            if (rotateFirst)
            {
                foreach (var rotated in await rotation.RotateAsync(includeFiles, cancellationToken))
                {
                    AnsiConsole.MarkupLineInterpolated($"[green]Rotated[/] the {rotated.Ring} key: {rotated.OldKeyId} → {rotated.NewKeyId} (the old key is kept, retired). Back up now: the new key is in no backup yet.");
                }
            }

            await ReencryptAsync(rotation, includeFiles, chunkSize, cancellationToken);
        }
        catch (KeyRingException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused[/]: {ex.Message}");
            return Refused;
        }

        Show(await rotation.StatusAsync(cancellationToken));
        return 0;
    }

    private static Task ReencryptAsync(KeyRotation rotation, bool includeFiles, int chunkSize, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var fields = context.AddTask(KeyRotation.FieldsRing, maxValue: 1);
                var count = await rotation.ReencryptFieldsAsync(chunkSize, new Progress<ReencryptionProgress>(p => Fill(fields, p)), cancellationToken);
                Done(fields);
                AnsiConsole.MarkupLineInterpolated($"Re-encrypted {count} value(s) under the current {KeyRotation.FieldsRing} key.");
                if (includeFiles)
                {
                    var stored = context.AddTask(KeyRotation.FilesRing, maxValue: 1);
                    var files = await rotation.ReencryptFilesAsync(new Progress<ReencryptionProgress>(p => Fill(stored, p)), cancellationToken);
                    Done(stored);
                    AnsiConsole.MarkupLineInterpolated($"Re-encrypted {files} file(s) under the current {KeyRotation.FilesRing} key.");
                }
            });

    /// <summary>Refuses a mistyped option or a stray argument instead of leaving it to the host, which would ignore it.</summary>
    private static bool RefusedTokens(ParseResult result)
    {
        var unknown = HostTokens.Unknown(result.UnmatchedTokens);
        if (unknown.Count == 0)
        {
            return false;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]Refused[/]: unknown argument(s) {string.Join(' ', unknown)}. See `xinke keys --help`; nothing was changed.");
        return true;
    }

    private static void Fill(ProgressTask bar, ReencryptionProgress progress)
    {
        bar.MaxValue = Math.Max(1, progress.Total);
        bar.Value = progress.Done;
        bar.Description = $"{progress.Ring} {progress.Done}/{progress.Total}";
    }

    private static void Done(ProgressTask bar)
    {
        bar.Value = bar.MaxValue;
        bar.StopTask();
    }

    private static void Show(IEnumerable<RingStatus> rings)
    {
        var table = new Table().AddColumns("ring", "key id", "state", "still sealing");
        foreach (var ring in rings)
        {
            foreach (var key in ring.Keys)
            {
                table.AddRow(
                    Markup.Escape(ring.Ring),
                    Markup.Escape(key.KeyId),
                    key.Current ? "[green]current[/]" : "retired",
                    key.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!ring.Rotatable)
            {
                table.AddRow(Markup.Escape(ring.Ring), string.Empty, "[grey]given in settings: rotate it there[/]", string.Empty);
            }
        }

        AnsiConsole.Write(table);
    }
}
