using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Files;

namespace Xinke.Tests.Kernel.Crypto;

/// <summary>
/// Two instances on one database (each with its own key rings and lease holder, as two processes
/// have) try to rotate at once, or to back up while the other rotates: one waits its turn as
/// refused, nothing is lost, and the backup taken afterwards restores every field and file.
/// </summary>
public abstract class KeyRingExclusionTests(DatabaseKind kind) : KeyRingTest(kind)
{
    private static readonly BackupSecret Secret = BackupSecret.FromPassphrase("长城-exclusion-drill-2026");

    public sealed class OnSqlite() : KeyRingExclusionTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KeyRingExclusionTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_second_rotation_while_one_runs_is_refused_and_every_key_and_value_survives()
    {
        var people = await PeopleAsync(3);
        var oldKey = Crypto.KeyId;
        await using var other = OtherInstance();
        using var midway = new ProgressGate<ReencryptionProgress>(p => p.Done > 0);

        var first = Task.Run(() => RotateAndReencryptAsync(App, includeFiles: false, midway, null), Cancel);
        await midway.Reached.WaitAsync(Cancel);
        var refused = await Assert.ThrowsAsync<KeyRingBusyException>(() => InScopeAsync(other, r => r.RotateAsync(includeFiles: false, Cancel)));
        midway.Open();
        var firstKey = await first;

        Assert.Contains(KeyRotation.Doing, refused.Holder, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
        var second = await InScopeAsync(other, r => r.RotateAsync(includeFiles: false, Cancel));
        Crypto.Ring!.Refresh();
        Assert.Equal((firstKey, second.Single().NewKeyId), (second.Single().OldKeyId, Crypto.KeyId));
        Assert.Equal([oldKey, firstKey], Crypto.RetiredKeyIds);
        await AssertPhonesAsync(other, people);
        await AssertPhonesAsync(App, people);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Two_rotations_started_at_once_never_lose_a_key_one_of_them_made()
    {
        var people = await PeopleAsync(2);
        await using var other = OtherInstance();
        var made = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { App, other }.Select(app => Task.Run(async () =>
            {
                await go.Task;
                try
                {
                    return (await InScopeAsync(app, r => r.RotateAsync(includeFiles: true, Cancel))).Select(r => r.NewKeyId).ToList();
                }
                catch (KeyRingBusyException)
                {
                    return [];
                }
            })).ToList();
            go.SetResult();
            made.AddRange((await Task.WhenAll(attempts)).SelectMany(k => k));
        }

        Assert.NotEmpty(made);
        await using var fresh = OtherInstance();
        var crypto = fresh.Services.GetRequiredService<ICryptoProvider>();
        var cipher = fresh.Services.GetRequiredService<FileCipher>();
        var held = crypto.RetiredKeyIds.Append(crypto.KeyId).Concat(cipher.RetiredKeyIds).Append(cipher.KeyId!).ToHashSet();
        Assert.All(made, key => Assert.Contains(key, held));
        await AssertPhonesAsync(fresh, people);
    }

    [Fact]
    [Trait("Req", "DATA-01")]
    [Trait("Req", "DATA-09")]
    public async Task A_backup_started_while_rotate_files_moves_attachments_is_refused_and_the_one_after_restores_every_field_and_file()
    {
        var people = await PeopleAsync(2);
        var files = await AttachmentsAsync(3);
        await using var other = OtherInstance();
        using var midway = new ProgressGate<ReencryptionProgress>(p => p.Ring == KeyRotation.FilesRing && p.Done > 0);

        var rotation = Task.Run(() => RotateAndReencryptAsync(App, includeFiles: true, null, midway), Cancel);
        await midway.Reached.WaitAsync(Cancel);
        using var refusedOutput = new MemoryStream();
        var refused = await Assert.ThrowsAsync<BackupException>(() => BackupAsync(other, refusedOutput, null));
        midway.Open();
        await rotation;

        Assert.Equal(BackupErrors.KeyRingsBusy, refused.Code);
        Assert.Contains(KeyRotation.Doing, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, refusedOutput.Length);
        using var backup = new MemoryStream();
        await BackupAsync(other, backup, null);
        await AssertRestoresAsync(backup, people, files);
    }

    [Fact]
    [Trait("Req", "DATA-01")]
    [Trait("Req", "DATA-09")]
    public async Task A_rotation_started_while_a_backup_runs_is_refused_and_the_backup_restores_every_field_and_file()
    {
        var people = await PeopleAsync(2);
        var files = await AttachmentsAsync(2);
        var (fieldKey, filesKey) = (Crypto.KeyId, Cipher.KeyId);
        await using var other = OtherInstance();
        using var midway = new ProgressGate<string>(step => step == "audit");
        using var backup = new MemoryStream();

        var backingUp = Task.Run(() => BackupAsync(App, backup, midway), Cancel);
        await midway.Reached.WaitAsync(Cancel);
        var refused = await Assert.ThrowsAsync<KeyRingBusyException>(() => InScopeAsync(other, r => r.RotateAsync(includeFiles: true, Cancel)));
        var reencryptRefused = await Assert.ThrowsAsync<KeyRingBusyException>(() => InScopeAsync(other, r => r.ReencryptFilesAsync(null, Cancel)));
        midway.Open();
        await backingUp;

        Assert.Contains(BackupWriter.Doing, refused.Holder, StringComparison.Ordinal);
        Assert.Equal(refused.Holder, reencryptRefused.Holder);
        Crypto.Ring!.Refresh();
        Cipher.Ring!.Refresh();
        Assert.Equal((fieldKey, filesKey), (Crypto.KeyId, Cipher.KeyId));
        await AssertRestoresAsync(backup, people, files);
        Assert.Single(await InScopeAsync(other, r => r.RotateAsync(includeFiles: false, Cancel)));
    }

    /// <summary>What <c>xinke keys rotate</c> does in one process: rotate, then re-encrypt, holding the rings throughout.</summary>
    private static async Task<string> RotateAndReencryptAsync(XinkeApp app, bool includeFiles, IProgress<ReencryptionProgress>? fields, IProgress<ReencryptionProgress>? stored)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rotation = scope.ServiceProvider.GetRequiredService<KeyRotation>();
        await using var held = await scope.ServiceProvider.GetRequiredService<KeyRingLock>().AcquireAsync(KeyRotation.Doing, Cancel);
        var rotated = await rotation.RotateAsync(includeFiles, Cancel);
        await rotation.ReencryptFieldsAsync(1, fields, Cancel);
        if (includeFiles)
        {
            await rotation.ReencryptFilesAsync(stored, Cancel);
        }

        return rotated[0].NewKeyId;
    }

    private static async Task BackupAsync(XinkeApp app, Stream output, IProgress<string>? progress)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackupWriter>().CreateAsync(output, Secret, progress, Cancel);
        output.Position = 0;
    }

    /// <summary>Restores into an empty installation and reads every phone and every file back through the keys the backup carried.</summary>
    private async Task AssertRestoresAsync(MemoryStream backup, IReadOnlyList<(long Id, string Phone)> people, IReadOnlyList<(long Id, byte[] Content)> files)
    {
        await using var target = await TestDatabases.CreateEmptyAsync(Kind);
        await using (var restoring = new XinkeApp(target, services => services.AddAttachmentOwner<TestFolderPolicy>(), Settings))
        {
            await using var scope = restoring.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup, Secret, null, Cancel);
        }

        var restoredFilesKey = Path.Combine(target.DataFolder, "keys", "files-sm4.key");
        await using var served = new XinkeApp(target, services =>
        {
            services.AddAttachmentOwner<TestFolderPolicy>();
            services.PostConfigure<FilesOptions>(o =>
            {
                o.Encryption.Enabled = true;
                o.Encryption.KeyFile = restoredFilesKey;
            });
        }, Settings);
        await AssertPhonesAsync(served, people);
        await using var check = served.Services.CreateAsyncScope();
        var cipher = check.ServiceProvider.GetRequiredService<FileCipher>();
        var store = check.ServiceProvider.GetRequiredService<IFileStore>();
        foreach (var (id, content) in files)
        {
            var attachment = await check.ServiceProvider.GetRequiredService<XinkeDb>().Set<Attachment>().AsNoTracking().SingleAsync(a => a.Id == id, Cancel);
            using var plaintext = new MemoryStream();
            await using (var sealedData = await store.OpenReadAsync(attachment.StorageKey, Cancel))
            {
                await cipher.DecryptAsync(sealedData, plaintext, attachment.StorageKey, attachment.KeyId, Cancel);
            }

            Assert.Equal(content, plaintext.ToArray());
        }
    }

    private async Task<IReadOnlyList<(long Id, byte[] Content)>> AttachmentsAsync(int count)
    {
        var owner = await CreateUserAsync("key.drill", "staff");
        var client = await SignInAsync(owner);
        var files = new List<(long, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var content = Pdf($"exclusion drill {i}");
            files.Add(((await UploadedAsync(client, owner.Id, $"drill-{i}.pdf", content)).GetProperty("id").GetInt64(), content));
        }

        return files;
    }
}
