using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Cli;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Jobs;
using Xinke.Tests.Kernel.Crypto;

namespace Xinke.Tests.Kernel.Cli;

/// <summary>
/// <c>xinke keys</c> as an operator runs it: the real executable on the installation's database
/// and data folder, judged by its exit code and what it prints — key ids and counts, never a key.
/// </summary>
public abstract class KeysCommandsTests(DatabaseKind kind) : KeyRingTest(kind)
{
    /// <summary>The child process runs on the real clock, so a lease the test plants for it is dated by that clock.</summary>
    private static readonly TimeProvider RealClock = TimeProvider.System;

    public sealed class OnSqlite() : KeysCommandsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KeysCommandsTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Rotate_with_files_names_the_keys_and_counts_leaves_everything_readable_and_never_prints_or_audits_a_key()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var document = Pdf("cli rotation drill");
        var attachmentId = (await UploadedAsync(client, owner.Id, "drill.pdf", document)).GetProperty("id").GetInt64();
        var person = await PersonWithPhoneAsync("13800138000");
        var (oldFieldKey, oldFilesKey) = (Crypto.KeyId, Cipher.KeyId!);

        var status = await KeysAsync("status");
        var rotate = await KeysAsync("rotate", "--files", "--chunk", "1");

        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains(oldFieldKey, status.Text, StringComparison.Ordinal);
        Assert.Contains(oldFilesKey, status.Text, StringComparison.Ordinal);
        Assert.True(rotate.ExitCode == 0, rotate.Output);
        Crypto.Ring!.Refresh();
        Cipher.Ring!.Refresh();
        var (newFieldKey, newFilesKey) = (Crypto.KeyId, Cipher.KeyId!);
        Assert.NotEqual(oldFieldKey, newFieldKey);
        Assert.NotEqual(oldFilesKey, newFilesKey);
        Assert.Matches($"Rotated the fields key: {oldFieldKey} . {newFieldKey}", rotate.Text);
        Assert.Matches($"Rotated the files key: {oldFilesKey} . {newFilesKey}", rotate.Text);
        Assert.Matches(@"Re-encrypted [1-9][0-9]* value\(s\) under the current fields key", rotate.Text);
        Assert.Contains("Re-encrypted 1 file(s) under the current files key", rotate.Text, StringComparison.Ordinal);
        Assert.Equal("13800138000", await PhoneAsync(App, person));
        Assert.Equal(document, await client.GetByteArrayAsync($"/api/v1/attachments/{attachmentId}/content", Cancel));
        var rings = await InScopeAsync(App, r => r.StatusAsync(Cancel));
        Assert.All(rings.SelectMany(r => r.Keys).Where(k => !k.Current), k => Assert.Equal(0, k.Count));

        var audited = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action.StartsWith("keys.")).ToListAsync(Cancel));
        Assert.Contains(audited, e => e.Action == "keys.rotate" && e.Changes!.Contains(newFieldKey, StringComparison.Ordinal));
        Assert.Contains(audited, e => e.Action == "keys.reencrypt" && e.Changes!.Contains(newFilesKey, StringComparison.Ordinal));
        var keys = KeyMaterial();
        Assert.Equal(4 * 3, keys.Count);
        var auditText = JsonSerializer.Serialize(audited);
        Assert.All(keys, key =>
        {
            Assert.DoesNotContain(key, status.Output + rotate.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(key, auditText, StringComparison.Ordinal);
        });
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Retire_of_a_key_still_in_use_is_refused_with_a_clear_message_and_succeeds_once_nothing_needs_it()
    {
        var person = await PersonWithPhoneAsync("13700137000");
        var oldKey = Crypto.KeyId;
        await InScopeAsync(App, r => r.RotateAsync(includeFiles: false, Cancel));

        var inUse = await KeysAsync("retire", oldKey);
        var current = await KeysAsync("retire", Crypto.KeyId);

        Assert.Equal(KeysCommands.Refused, inUse.ExitCode);
        Assert.Matches($@"Refused: Key {oldKey} still seals [1-9][0-9]* value\(s\): run `xinke keys reencrypt` first\. The key was kept\.", inUse.Text);
        Assert.Equal(KeysCommands.Refused, current.ExitCode);
        Assert.Contains($"Key {Crypto.KeyId} is the current fields key", current.Text, StringComparison.Ordinal);
        Crypto.Ring!.Refresh();
        Assert.Contains(oldKey, Crypto.RetiredKeyIds);
        Assert.Equal("13700137000", await PhoneAsync(App, person));

        var reencrypt = await KeysAsync("reencrypt");
        var retired = await KeysAsync("retire", oldKey);

        Assert.True(reencrypt.ExitCode == 0, reencrypt.Output);
        Assert.True(retired.ExitCode == 0, retired.Output);
        Assert.DoesNotContain(oldKey, retired.Text, StringComparison.Ordinal);
        Crypto.Ring!.Refresh();
        Assert.DoesNotContain(oldKey, Crypto.RetiredKeyIds);
        Assert.Equal("13700137000", await PhoneAsync(App, person));
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action == "keys.retire" && e.Changes!.Contains(oldKey), Cancel)));
    }

    [Fact]
    public async Task Unknown_arguments_and_a_mistyped_option_are_refused_and_nothing_is_rotated()
    {
        var keyId = Crypto.KeyId;

        var typo = await KeysAsync("rotate", "--fiels");
        var stray = await KeysAsync("status", "now");
        var noChunk = await KeysAsync("rotate", "--chunk", "0");
        var noKey = await KeysAsync("retire");

        Assert.Equal(KeysCommands.Refused, typo.ExitCode);
        Assert.Contains("unknown argument(s) --fiels", typo.Text, StringComparison.Ordinal);
        Assert.Equal(KeysCommands.Refused, stray.ExitCode);
        Assert.Contains("unknown argument(s) now", stray.Text, StringComparison.Ordinal);
        Assert.Equal(KeysCommands.Refused, noChunk.ExitCode);
        Assert.Contains("--chunk must be at least 1", noChunk.Text, StringComparison.Ordinal);
        Assert.NotEqual(0, noKey.ExitCode);
        Crypto.Ring!.Refresh();
        Assert.Equal(keyId, Crypto.KeyId);
        Assert.Empty(Crypto.RetiredKeyIds);
        Assert.False(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action.StartsWith("keys."), Cancel)));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    [Trait("Req", "DATA-01")]
    public async Task While_another_process_holds_the_key_rings_rotate_and_backup_are_refused_and_say_who_holds_them()
    {
        const string Holder = "ward-server:4242:cafebabe key rotation";
        var person = await PersonWithPhoneAsync("13600136000");
        var keyId = Crypto.KeyId;
        await WithDbAsync(async db =>
        {
            db.Add(new JobLease { Name = KeyRingLock.LeaseName, Holder = Holder, ExpiresAt = RealClock.GetUtcNow().UtcDateTime.AddMinutes(10), Token = 1 });
            return await db.SaveChangesAsync(Cancel);
        });
        var passphrase = Path.Combine(App.Database.DataFolder, "passphrase.txt");
        await File.WriteAllTextAsync(passphrase, "长城-cli-exclusion-2026\n", Cancel);
        var backupFile = Path.Combine(App.Database.DataFolder, "refused.xkb");

        var rotate = await KeysAsync("rotate", "--files");
        var backup = await RunAsync(["backup", "create", "--out", backupFile, "--passphrase-file", passphrase]);

        Assert.Equal(KeysCommands.Refused, rotate.ExitCode);
        Assert.Contains($"The key rings are in use by {Holder}", rotate.Text, StringComparison.Ordinal);
        Assert.Equal(BackupCommands.Refused, backup.ExitCode);
        Assert.Contains(BackupErrors.KeyRingsBusy, backup.Text, StringComparison.Ordinal);
        Assert.Contains($"A key rotation (or another backup) holds the keys, so this backup was not started: it could not keep the keys, records and files together. The key rings are in use by {Holder}", backup.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(backupFile));
        Crypto.Ring!.Refresh();
        Assert.Equal(keyId, Crypto.KeyId);

        // The holder was killed: its lease lapses, and the next rotation goes ahead.
        await WithDbAsync(db => db.Set<JobLease>().Where(l => l.Name == KeyRingLock.LeaseName)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, RealClock.GetUtcNow().UtcDateTime.AddSeconds(-1)), Cancel));
        var afterLapse = await KeysAsync("rotate");

        Assert.True(afterLapse.ExitCode == 0, afterLapse.Output);
        Crypto.Ring!.Refresh();
        Assert.NotEqual(keyId, Crypto.KeyId);
        Assert.Equal("13600136000", await PhoneAsync(App, person));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Two_rotations_started_at_once_from_two_processes_lose_no_key_and_leave_every_value_and_file_readable()
    {
        var owner = await CreateUserAsync("lisi", "staff");
        var client = await SignInAsync(owner);
        var document = Pdf("two operators");
        var attachmentId = (await UploadedAsync(client, owner.Id, "two.pdf", document)).GetProperty("id").GetInt64();
        var person = await PersonWithPhoneAsync("13500135000");
        var (fieldKey, filesKey) = (Crypto.KeyId, Cipher.KeyId!);

        var runs = await Task.WhenAll(KeysAsync("rotate", "--files"), KeysAsync("rotate", "--files"));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0 || (run.ExitCode == KeysCommands.Refused && run.Text.Contains("The key rings are in use by", StringComparison.Ordinal)), run.Output));
        var rotations = runs.Count(run => run.ExitCode == 0);
        Assert.InRange(rotations, 1, 2);
        Crypto.Ring!.Refresh();
        Cipher.Ring!.Refresh();
        Assert.Equal(rotations, Crypto.RetiredKeyIds.Count);
        Assert.Equal(rotations, Cipher.RetiredKeyIds.Count);
        Assert.Equal(fieldKey, Crypto.RetiredKeyIds[0]);
        Assert.Equal(filesKey, Cipher.RetiredKeyIds[0]);
        var ring = Crypto.RetiredKeyIds.Append(Crypto.KeyId).ToList();
        Assert.All(runs.Where(run => run.ExitCode == 0), run => Assert.Contains(Regex.Match(run.Text, @"Rotated the fields key: \S+ \S+ (\S+) \(").Groups[1].Value, ring));
        Assert.Equal("13500135000", await PhoneAsync(App, person));
        Assert.Equal(document, await client.GetByteArrayAsync($"/api/v1/attachments/{attachmentId}/content", Cancel));
        var status = await InScopeAsync(App, r => r.StatusAsync(Cancel));
        Assert.All(status.SelectMany(r => r.Keys).Where(k => !k.Current), k => Assert.Equal(0, k.Count));
    }

    private Task<XinkeCommand> KeysAsync(params string[] arguments) => RunAsync(["keys", .. arguments]);

    private Task<XinkeCommand> RunAsync(string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["XINKE_DATA_DIR"] = App.Database.DataFolder,
            ["Database__Provider"] = Kind == DatabaseKind.Postgres ? "postgres" : "sqlite",
            ["Xinke__Crypto__FieldKey"] = string.Empty,
            ["Xinke__Files__Encryption__Enabled"] = "true",
            ["Xinke__Files__Encryption__KeyFile"] = FilesKeyFile,
        };
        if (App.Database.PostgresConnection is { } connection)
        {
            environment["ConnectionStrings__Postgres"] = connection;
        }

        return XinkeCommand.RunAsync(environment, arguments, Cancel);
    }
}
