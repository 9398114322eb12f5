using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Backup;
using Xinke.Kernel.Crypto;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;
using Xinke.Tests.Modules.Staff;

namespace Xinke.Tests.Kernel.Backup;

/// <summary>
/// A backup carries the whole field key ring: one made before a rotation restores with the key
/// it carries; one made after restores values still under the retired key and those under the new.
/// </summary>
public abstract class RotatedKeysBackupTests(DatabaseKind kind) : IdentityTest(kind)
{
    private static readonly BackupSecret Secret = BackupSecret.FromPassphrase("长城-rotation-drill-2026");

    /// <summary>Both installations read their field key rings from their data folders, as real ones without a configured key do.</summary>
    private static readonly Dictionary<string, string?> KeyFromDataFolder = new() { ["Xinke:Crypto:FieldKey"] = string.Empty };

    public sealed class OnSqlite() : RotatedKeysBackupTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : RotatedKeysBackupTests(DatabaseKind.Postgres);

    protected override IReadOnlyDictionary<string, string?> Settings => KeyFromDataFolder;

    [Fact]
    [Trait("Req", "DATA-01")]
    public async Task A_backup_made_before_a_rotation_restores_with_the_key_it_carries()
    {
        var person = await PersonWithPhoneAsync("13800138000");
        var oldKey = App.Services.GetRequiredService<ICryptoProvider>().KeyId;
        using var backup = new MemoryStream();
        await CreateAsync(backup);

        await RotateAsync();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeyRotation>().ReencryptFieldsAsync(KeyRotation.DefaultChunkSize, null, Cancel);
        }

        await using var target = await TestDatabases.CreateEmptyAsync(Kind);
        await RestoreAsync(target, backup);
        await using var served = new XinkeApp(target, null, KeyFromDataFolder);
        var crypto = served.Services.GetRequiredService<ICryptoProvider>();

        Assert.Equal(oldKey, crypto.KeyId);
        Assert.Empty(crypto.RetiredKeyIds);
        Assert.Equal("13800138000", await served.WithDbAsync(db => db.Set<Person>().Where(p => p.Id == person).Select(p => p.Phone).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "DATA-01")]
    public async Task A_backup_made_after_a_rotation_restores_values_under_the_retired_key_and_the_new_one()
    {
        var before = await PersonWithPhoneAsync("13800138000");
        var oldKey = App.Services.GetRequiredService<ICryptoProvider>().KeyId;
        await RotateAsync();
        var after = await PersonWithPhoneAsync("13900139000");
        using var backup = new MemoryStream();
        var manifest = await CreateAsync(backup);

        Assert.Contains(manifest.Entries, e => e.Path == BackupPaths.RetiredFieldKeys);

        await using var target = await TestDatabases.CreateEmptyAsync(Kind);
        await RestoreAsync(target, backup);
        await using var served = new XinkeApp(target, null, KeyFromDataFolder);
        var crypto = served.Services.GetRequiredService<ICryptoProvider>();

        Assert.Equal(App.Services.GetRequiredService<ICryptoProvider>().KeyId, crypto.KeyId);
        Assert.Equal([oldKey], crypto.RetiredKeyIds);
        Assert.Equal("13800138000", await served.WithDbAsync(db => db.Set<Person>().Where(p => p.Id == before).Select(p => p.Phone).SingleAsync(Cancel)));
        Assert.Equal("13900139000", await served.WithDbAsync(db => db.Set<Person>().Where(p => p.Id == after).Select(p => p.Phone).SingleAsync(Cancel)));
    }

    private async Task RotateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(includeFiles: false, Cancel);
    }

    private async Task<BackupManifest> CreateAsync(Stream output)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var manifest = await scope.ServiceProvider.GetRequiredService<BackupWriter>().CreateAsync(output, Secret, null, Cancel);
        output.Position = 0;
        return manifest;
    }

    private static async Task RestoreAsync(TestDatabase target, Stream backup)
    {
        await using var restoring = new XinkeApp(target, null, KeyFromDataFolder);
        await using var scope = restoring.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BackupRestorer>().RestoreAsync(backup, Secret, null, Cancel);
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
