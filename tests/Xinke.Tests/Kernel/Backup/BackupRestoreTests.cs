using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Cli;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Files;
using Xinke.Tests.Kernel.Identity;
using Xinke.Tests.Modules.Staff;

namespace Xinke.Tests.Kernel.Backup;

/// <summary>
/// Xinke's own backup: made while the server serves, restored into an empty installation whose
/// field key comes from its data folder (so only the backed-up key can read the sealed fields),
/// with its attachments, signing key and an audit chain that verifies.
/// </summary>
public abstract class BackupRestoreTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const string Passphrase = "长城-backup-drill-2026";
    private static readonly BackupSecret Secret = BackupSecret.FromPassphrase(Passphrase);

    /// <summary>The restored installation reads its field key from its data folder, as a real one without a configured key does.</summary>
    private static readonly Dictionary<string, string?> KeyFromDataFolder = new() { ["Xinke:Crypto:FieldKey"] = string.Empty };

    public sealed class OnSqlite() : BackupRestoreTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BackupRestoreTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddAttachmentOwner<TestFolderPolicy>();
    }

    [Fact]
    [Trait("Req", "DATA-01")]
    public async Task A_backup_made_while_serving_restores_into_an_empty_installation_with_its_keys_files_and_chain()
    {
        var engineer = await CreateUserAsync("backup.engineer", enrolMfa: true, BuiltInRoles.ItEngineer);
        var document = AttachmentUploads.Pdf();
        var attachmentId = await AttachmentUploads.AttachAsync(await SignInAsync(engineer), TestFolderPolicy.Type, engineer.Id, "演练记录.pdf", "application/pdf", document);
        var storageKey = await WithDbAsync(db => db.Set<Attachment>().Where(a => a.Id == attachmentId).Select(a => a.StorageKey).SingleAsync(Cancel));
        var personId = await PersonWithPhoneAsync("13800138000");
        var publicKey = App.Services.GetRequiredService<InstallationKey>().PublicKey;

        using var backup = new MemoryStream();
        var manifest = await CreateAsync(App, backup);

        Assert.Equal(Kind == DatabaseKind.Postgres ? BackupPaths.PostgresDump : BackupPaths.SqliteDatabase, manifest.Entries[0].Path);
        Assert.Contains(manifest.Entries, e => e.Path == BackupPaths.Files + storageKey);
        Assert.Contains(manifest.Entries, e => e.Path == BackupPaths.SigningKey);
        Assert.True(manifest.AuditChainSequence > 0);
        Assert.Equal(-1, backup.ToArray().AsSpan().IndexOf(document));
        Assert.Equal(-1, backup.ToArray().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Passphrase)));

        await using var target = await TestDatabases.CreateEmptyAsync(Kind);
        await using (var restoring = new XinkeApp(target, RestoredServices, KeyFromDataFolder))
        {
            backup.Position = 0;
            await using var scope = restoring.Services.CreateAsyncScope();
            var restoredManifest = await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup, Secret, null, Cancel);
            Assert.Equal(manifest.AuditChainHash, restoredManifest.AuditChainHash);
        }

        await using var served = new XinkeApp(target, RestoredServices, KeyFromDataFolder);
        await using var check = served.Services.CreateAsyncScope();
        var services = check.ServiceProvider;
        Assert.Equal(App.Services.GetRequiredService<ICryptoProvider>().KeyId, services.GetRequiredService<ICryptoProvider>().KeyId);
        Assert.Equal(publicKey, services.GetRequiredService<InstallationKey>().PublicKey);
        var db = services.GetRequiredService<XinkeDb>();
        Assert.Equal(engineer.TotpSecret, await db.Set<Account>().Where(a => a.Id == engineer.Id).Select(a => a.TotpSecret).SingleAsync(Cancel));
        Assert.Equal("13800138000", await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.Phone).SingleAsync(Cancel));
        await using (var stored = await services.GetRequiredService<IFileStore>().OpenReadAsync(storageKey, Cancel))
        using (var copy = new MemoryStream())
        {
            await stored.CopyToAsync(copy, Cancel);
            Assert.Equal(document, copy.ToArray());
        }

        var chain = await services.GetRequiredService<ChainVerifier>().VerifyAsync(0, null, null, null, Cancel);
        Assert.True(chain.Ok, $"audit chain broken at {chain.FirstBadSequence}: {chain.Fault}");
        Assert.True(await db.Set<AuditHead>().Select(h => h.Sequence).SingleAsync(Cancel) >= manifest.AuditChainSequence);
    }

    [Fact]
    [Trait("Req", "DATA-04")]
    public async Task A_changed_cut_off_or_wrongly_opened_backup_is_refused_and_restores_nothing()
    {
        await PersonWithPhoneAsync("13900139000");
        using var backup = new MemoryStream();
        await CreateAsync(App, backup);
        var bytes = backup.ToArray();

        var changed = bytes.ToArray();
        changed[changed.Length / 2] ^= 0x01;
        Assert.Equal(BackupErrors.WrongSecretOrDamaged, await ReadErrorAsync(changed, Secret));
        Assert.Equal(BackupErrors.Truncated, await ReadErrorAsync(bytes[..^100], Secret));
        Assert.Equal(BackupErrors.WrongSecretOrDamaged, await ReadErrorAsync([.. bytes, 0], Secret));
        Assert.Equal(BackupErrors.WrongSecretOrDamaged, await ReadErrorAsync(bytes, BackupSecret.FromPassphrase("not-the-passphrase")));
        Assert.Equal(BackupErrors.WrongSecretOrDamaged, await ReadErrorAsync(bytes, BackupSecret.FromKey(Convert.ToBase64String(Sm4Gcm.NewKey()))));
        Assert.Equal(BackupErrors.NotABackup, await ReadErrorAsync(AttachmentUploads.Pdf(), Secret));

        await using var target = await TestDatabases.CreateEmptyAsync(Kind);
        await using var restoring = new XinkeApp(target, RestoredServices, KeyFromDataFolder);
        await using (var scope = restoring.Services.CreateAsyncScope())
        {
            var failed = await Assert.ThrowsAsync<BackupException>(() =>
                scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(new MemoryStream(changed), Secret, null, Cancel));
            Assert.Equal(BackupErrors.WrongSecretOrDamaged, failed.Code);
        }

        Assert.False(await restoring.WithDbAsync(db => db.Set<Person>().AnyAsync(Cancel)));
        var signingKeyFile = InstallationKey.FileOf(new Xinke.Kernel.Data.DataFolder(new ConfigurationBuilder().AddInMemoryCollection(target.Settings).Build()));
        var sourceKey = App.Services.GetRequiredService<InstallationKey>().ExportPrivatePem();
        Assert.True(!File.Exists(signingKeyFile) || await File.ReadAllTextAsync(signingKeyFile, Cancel) != sourceKey, "the damaged backup's signing key was installed");
    }

    [Fact]
    [Trait("Req", "DATA-04")]
    public async Task A_backup_is_never_restored_over_an_installation_that_holds_business_records()
    {
        await PersonWithPhoneAsync("13700137000");
        using var backup = new MemoryStream();
        await CreateAsync(App, backup);
        var before = await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel));
        await PersonWithPhoneAsync("13600136000");

        backup.Position = 0;
        await using var scope = App.Services.CreateAsyncScope();
        var refused = await Assert.ThrowsAsync<BackupException>(() => scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup, Secret, null, Cancel));

        Assert.Equal(BackupErrors.TargetNotEmpty, refused.Code);
        Assert.Equal(before + 1, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "DATA-04")]
    public async Task The_command_line_verifies_an_intact_backup_and_names_a_changed_one()
    {
        using var backup = new MemoryStream();
        await CreateAsync(App, backup);
        var folder = Directory.CreateTempSubdirectory("xinke-backup-").FullName;
        try
        {
            var file = Path.Combine(folder, "xinke.xbk");
            var passphrase = Path.Combine(folder, "backup.pass");
            await File.WriteAllTextAsync(passphrase, Passphrase + "\n", Cancel);
            var root = XinkeCli.Build(_ => throw new InvalidOperationException("verify opens the file alone"));
            string[] verify = ["backup", "verify", file, "--passphrase-file", passphrase];

            await File.WriteAllBytesAsync(file, backup.ToArray(), Cancel);
            Assert.Equal(0, await root.Parse(verify).InvokeAsync(cancellationToken: Cancel));

            var changed = backup.ToArray();
            changed[^50] ^= 0x01;
            await File.WriteAllBytesAsync(file, changed, Cancel);
            Assert.Equal(BackupCommands.Broken, await root.Parse(verify).InvokeAsync(cancellationToken: Cancel));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RestoredServices(IServiceCollection services) => services.AddAttachmentOwner<TestFolderPolicy>();

    private static async Task<BackupManifest> CreateAsync(XinkeApp app, Stream output)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BackupWriter>().CreateAsync(output, Secret, null, Cancel);
    }

    private static async Task<string?> ReadErrorAsync(byte[] bytes, BackupSecret secret)
    {
        var failed = await Assert.ThrowsAsync<BackupException>(() => BackupReader.ReadAsync(new MemoryStream(bytes), secret, null, Cancel));
        return failed.Code;
    }

    private async Task<long> PersonWithPhoneAsync(string phone)
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "信息科" + Guid.NewGuid().ToString("N")[..6]);
        var id = await StaffTestRecords.PersonAsync(App, department, "王备份");
        await WithDbAsync(async db =>
        {
            var person = await db.Set<Person>().SingleAsync(p => p.Id == id, Cancel);
            person.Phone = phone;
            return await db.SaveChangesAsync(Cancel);
        });
        return id;
    }
}
