using System.CommandLine;
using Spectre.Console;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Data;
using Xinke.Kernel.Files;

namespace Xinke.Kernel.Cli;

/// <summary>
/// <c>backup create|verify|restore</c>. The secret comes from <c>--passphrase-file</c>,
/// <c>--key-file</c>, the <c>XINKE_BACKUP_PASSPHRASE</c> variable or a prompt, and is never
/// written beside the backup, printed or logged.
/// </summary>
public static class BackupCommands
{
    public const string PassphraseVariable = "XINKE_BACKUP_PASSPHRASE";
    public const int Refused = 2;
    public const int Broken = 3;

    public static Command Build(Func<string[], WebApplication> createApp)
    {
        var passphraseFile = new Option<FileInfo?>("--passphrase-file") { Description = "A file whose first line is the passphrase (at least 12 characters)." };
        var keyFile = new Option<FileInfo?>("--key-file") { Description = "A file holding a 16-byte SM4 key in base64, instead of a passphrase." };
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write.", Required = true };
        var create = new Command("create", "Back up the database, stored files, audit checkpoints and archives, and the installation's keys, while the server runs.") { output, passphraseFile, keyFile };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, token) =>
        {
            var secret = Secret(result.GetValue(passphraseFile), result.GetValue(keyFile), confirm: true);
            if (secret is null)
            {
                return Refused;
            }

            await using var app = createApp([.. result.UnmatchedTokens]);
            return await CreateAsync(app, result.GetValue(output)!, secret, token);
        });

        var file = new Argument<FileInfo>("file") { Description = "The backup file." };
        var verify = new Command("verify", "Open a backup with its secret and check every entry against its manifest.") { file, passphraseFile, keyFile };
        verify.SetAction(async (result, token) =>
        {
            var secret = Secret(result.GetValue(passphraseFile), result.GetValue(keyFile), confirm: false);
            return secret is null ? Refused : await VerifyAsync(result.GetValue(file)!, secret, token);
        });

        var restore = new Command("restore", "Restore a backup into the configured data folder and database of a stopped installation that holds no business records.") { file, passphraseFile, keyFile };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction(async (result, token) =>
        {
            var secret = Secret(result.GetValue(passphraseFile), result.GetValue(keyFile), confirm: false);
            if (secret is null)
            {
                return Refused;
            }

            await using (var app = createApp([.. result.UnmatchedTokens]))
            {
                var outcome = await RestoreAsync(app, result.GetValue(file)!, secret, token);
                if (outcome != 0)
                {
                    return outcome;
                }
            }

            // A fresh host: the restored keys and database are what it reads now.
            await using var restored = createApp([.. result.UnmatchedTokens]);
            return await CheckRestoredAsync(restored, token);
        });

        return new Command("backup", "Xinke's own sealed backups.") { create, verify, restore };
    }

    private static BackupSecret? Secret(FileInfo? passphraseFile, FileInfo? keyFile, bool confirm)
    {
        try
        {
            if (keyFile is not null)
            {
                return BackupSecret.FromKey(File.ReadAllText(keyFile.FullName));
            }

            if (passphraseFile is not null)
            {
                return BackupSecret.FromPassphrase(File.ReadLines(passphraseFile.FullName).FirstOrDefault() ?? string.Empty);
            }

            if (Environment.GetEnvironmentVariable(PassphraseVariable) is { Length: > 0 } fromEnvironment)
            {
                return BackupSecret.FromPassphrase(fromEnvironment);
            }

            if (Console.IsInputRedirected)
            {
                AnsiConsole.MarkupLine($"[red]No secret[/]: give --passphrase-file, --key-file or {PassphraseVariable}.");
                return null;
            }

            var passphrase = AnsiConsole.Prompt(new TextPrompt<string>("Backup passphrase:").Secret());
            if (confirm && AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret()) != passphrase)
            {
                AnsiConsole.MarkupLine("[red]The two passphrases differ.[/]");
                return null;
            }

            return BackupSecret.FromPassphrase(passphrase);
        }
        catch (BackupException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused[/] ({ex.Code}): {ex.Message}");
            return null;
        }
    }

    private static async Task<int> CreateAsync(WebApplication app, FileInfo output, BackupSecret secret, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        var temporary = output.FullName + ".tmp";
        try
        {
            BackupManifest manifest;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                manifest = await scope.ServiceProvider.GetRequiredService<BackupWriter>().CreateAsync(file, secret, Progress(), cancellationToken);
            }

            File.Move(temporary, output.FullName, overwrite: true);
            AnsiConsole.MarkupLineInterpolated($"[green]Backup written[/]: {output.FullName} ({manifest.Entries.Count} entries, audit chain head {manifest.AuditChainSequence}). Keep the secret apart from it.");
            return 0;
        }
        catch (BackupException ex)
        {
            File.Delete(temporary);
            AnsiConsole.MarkupLineInterpolated($"[red]Backup failed[/] ({ex.Code}): {ex.Message}");
            return ex.Code == BackupErrors.KeyRingsBusy ? Refused : Broken;
        }
    }

    private static async Task<int> VerifyAsync(FileInfo file, BackupSecret secret, CancellationToken cancellationToken)
    {
        try
        {
            await using var input = file.OpenRead();
            var manifest = await BackupReader.ReadAsync(input, secret, null, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Backup intact[/]: made {manifest.CreatedAt:u} from {manifest.Provider}, {manifest.Entries.Count} entries match the manifest.");
            return 0;
        }
        catch (BackupException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Backup not intact[/] ({ex.Code}): {ex.Message}");
            return Broken;
        }
    }

    private static async Task<int> RestoreAsync(WebApplication app, FileInfo file, BackupSecret secret, CancellationToken cancellationToken)
    {
        using var actor = ActorAccessor.Use(Actor.Console());
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await using var input = file.OpenRead();
            var manifest = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(input, secret, Progress(), cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Restored[/] the backup of {manifest.CreatedAt:u}.");
            if (manifest.FilesKeyId is not null && scope.ServiceProvider.GetRequiredService<FileCipher>().KeyId is null)
            {
                var keyFile = BackupRestorer.FilesKeyFileOf(scope.ServiceProvider.GetRequiredService<DataFolder>());
                AnsiConsole.MarkupLineInterpolated($"[yellow]Encrypted attachments[/]: set Xinke:Files:Encryption:KeyFile to {keyFile} (and Enabled to true) before serving them.");
            }

            return 0;
        }
        catch (BackupException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Restore refused[/] ({ex.Code}): {ex.Message}");
            return ex.Code == BackupErrors.TargetNotEmpty ? Refused : Broken;
        }
    }

    private static async Task<int> CheckRestoredAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var checkpoint = await services.GetRequiredService<AuditCheckpoints>().LatestAsync(cancellationToken);
        var archived = await services.GetRequiredService<AuditArchive>().LatestAsync(cancellationToken);
        var chain = await services.GetRequiredService<ChainVerifier>().VerifyAsync(0, checkpoint?.Point, archived?.End, null, cancellationToken);
        if (!chain.Ok)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The restored audit chain does not verify[/] at {chain.FirstBadSequence}: {chain.Fault}");
            return Broken;
        }

        AnsiConsole.MarkupLine("[green]The restored audit chain verifies.[/] Start the server to serve it.");
        return 0;
    }

    private static Progress<string> Progress() => new(step => AnsiConsole.MarkupLineInterpolated($"[grey]backup:[/] {step}"));
}
