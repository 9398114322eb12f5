using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;
using Xinke.Modules.Organization.People;

namespace Xinke.Tests.Kernel.Crypto;

/// <summary>
/// <c>xinke keys</c> against a serving installation whose field key ring is in its data folder
/// and whose attachments are encrypted under a key file: rotation, re-encryption, retirement.
/// </summary>
public abstract class KeyRotationTests(DatabaseKind kind) : KeyRingTest(kind)
{
    public sealed class OnSqlite() : KeyRotationTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KeyRotationTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_rotation_while_serving_keeps_every_value_and_file_readable_and_leaves_nothing_under_the_old_keys()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var document = Pdf("rotation drill");
        var attachmentId = (await UploadedAsync(client, owner.Id, "drill.pdf", document)).GetProperty("id").GetInt64();
        var before = await PersonWithPhoneAsync("13800138000");
        var (oldFieldKey, oldFilesKey) = (Crypto.KeyId, Cipher.KeyId!);
        var oldStorageKey = await WithDbAsync(db => db.Set<Attachment>().Where(a => a.Id == attachmentId).Select(a => a.StorageKey).SingleAsync(Cancel));

        var rotated = await InScopeAsync(App, r => r.RotateAsync(includeFiles: true, Cancel));

        Assert.Equal([(KeyRotation.FieldsRing, oldFieldKey), (KeyRotation.FilesRing, oldFilesKey)], rotated.Select(r => (r.Ring, r.OldKeyId)));
        Assert.Equal("13800138000", await PhoneAsync(App, before));
        Assert.Equal(document, await client.GetByteArrayAsync($"/api/v1/attachments/{attachmentId}/content", Cancel));
        var after = await PersonWithPhoneAsync("13900139000");
        Assert.Contains(await RawPhonesAsync(), v => v.StartsWith(FieldProtector.PrefixOf(oldFieldKey), StringComparison.Ordinal));
        Assert.Contains(await RawPhonesAsync(), v => v.StartsWith(FieldProtector.PrefixOf(Crypto.KeyId), StringComparison.Ordinal));

        Assert.True(await InScopeAsync(App, r => r.ReencryptFieldsAsync(2, null, Cancel)) > 0);
        Assert.Equal(1, await InScopeAsync(App, r => r.ReencryptFilesAsync(null, Cancel)));

        Assert.DoesNotContain(await RawPhonesAsync(), v => v.StartsWith(FieldProtector.PrefixOf(oldFieldKey), StringComparison.Ordinal));
        var status = await InScopeAsync(App, r => r.StatusAsync(Cancel));
        Assert.All(status.SelectMany(r => r.Keys).Where(k => !k.Current), k => Assert.Equal(0, k.Count));
        Assert.Equal("13800138000", await PhoneAsync(App, before));
        Assert.Equal("13900139000", await PhoneAsync(App, after));
        var attachment = await WithDbAsync(db => db.Set<Attachment>().AsNoTracking().SingleAsync(a => a.Id == attachmentId, Cancel));
        Assert.Equal(Cipher.KeyId, attachment.KeyId);
        Assert.NotEqual(oldFilesKey, attachment.KeyId);
        Assert.False(await App.Services.GetRequiredService<IFileStore>().ExistsAsync(oldStorageKey, Cancel));
        Assert.Equal(document, await client.GetByteArrayAsync($"/api/v1/attachments/{attachmentId}/content", Cancel));

        var events = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action.StartsWith("keys.")).ToListAsync(Cancel));
        Assert.Contains(events, e => e.Action == "keys.rotate" && e.Changes!.Contains(oldFieldKey, StringComparison.Ordinal) && e.Changes.Contains(Crypto.KeyId, StringComparison.Ordinal));
        Assert.Contains(events, e => e.Action == "keys.rotate" && e.Changes!.Contains(oldFilesKey, StringComparison.Ordinal));
        var keys = Crypto.ExportRetiredKeysForBackup().Append(Crypto.ExportKeyForBackup()!).Select(Convert.ToBase64String);
        Assert.DoesNotContain(events, e => keys.Any(k => e.Changes!.Contains(k, StringComparison.Ordinal)));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task An_interrupted_reencryption_resumes_where_it_stopped_and_finishes()
    {
        var people = await PeopleAsync(5);
        var oldKey = Crypto.KeyId;
        await InScopeAsync(App, r => r.RotateAsync(includeFiles: false, Cancel));
        var sealedUnderOld = await UsesAsync(oldKey);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => InScopeAsync(App, r => r.ReencryptFieldsAsync(2, new StopAfterFirstChunk(stop), stop.Token)));

        var left = await UsesAsync(oldKey);
        Assert.InRange(left, 1, sealedUnderOld - 1);
        Assert.Equal(left, await InScopeAsync(App, r => r.ReencryptFieldsAsync(2, null, Cancel)));
        Assert.Equal(0, await UsesAsync(oldKey));
        Assert.Equal(0, await InScopeAsync(App, r => r.ReencryptFieldsAsync(2, null, Cancel)));
        await AssertPhonesAsync(App, people);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_retired_key_is_dropped_only_once_nothing_is_sealed_under_it()
    {
        var person = await PersonWithPhoneAsync("13700137000");
        var oldKey = Crypto.KeyId;
        await InScopeAsync(App, r => r.RotateAsync(includeFiles: false, Cancel));

        var inUse = await Assert.ThrowsAsync<KeyRingException>(() => InScopeAsync(App, r => r.RetireAsync(oldKey, Cancel)));
        var current = await Assert.ThrowsAsync<KeyRingException>(() => InScopeAsync(App, r => r.RetireAsync(Crypto.KeyId, Cancel)));
        await Assert.ThrowsAsync<KeyRingException>(() => InScopeAsync(App, r => r.RetireAsync("0badc0de", Cancel)));

        Assert.Contains("reencrypt", inUse.Message, StringComparison.Ordinal);
        Assert.Contains("current", current.Message, StringComparison.Ordinal);
        Assert.Contains(oldKey, Crypto.RetiredKeyIds);
        Assert.Equal("13700137000", await PhoneAsync(App, person));

        await InScopeAsync(App, r => r.ReencryptFieldsAsync(KeyRotation.DefaultChunkSize, null, Cancel));
        var status = await InScopeAsync(App, r => r.RetireAsync(oldKey, Cancel));

        Assert.DoesNotContain(status.Keys, k => k.KeyId == oldKey);
        Assert.DoesNotContain(oldKey, Crypto.RetiredKeyIds);
        Assert.Equal("13700137000", await PhoneAsync(App, person));
    }

    [Fact]
    public async Task A_field_key_given_inline_is_not_rotated_and_nothing_changes()
    {
        await using var inline = new Infrastructure.XinkeApp(App.Database, ConfigureServices);
        await using var scope = inline.Services.CreateAsyncScope();
        var keyId = scope.ServiceProvider.GetRequiredService<ICryptoProvider>().KeyId;

        var refused = await Assert.ThrowsAsync<KeyRingException>(() => scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(includeFiles: true, Cancel));

        Assert.Contains("Xinke:Crypto:FieldKey", refused.Message, StringComparison.Ordinal);
        Assert.Equal(keyId, scope.ServiceProvider.GetRequiredService<ICryptoProvider>().KeyId);
        Assert.Equal(Cipher.KeyId, scope.ServiceProvider.GetRequiredService<FileCipher>().KeyId);
    }

    /// <summary>The phone column as stored, past the converter.</summary>
    private Task<List<string>> RawPhonesAsync() => WithDbAsync(db =>
    {
        var entity = db.Model.FindEntityType(typeof(Person))!;
        var table = entity.GetTableName()!;
        var column = entity.FindProperty(nameof(Person.Phone))!.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var from = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";
        var sql = $"SELECT \"{column}\" AS \"Value\" FROM {from} WHERE \"{column}\" IS NOT NULL";
        return db.Database.SqlQueryRaw<string>(sql).ToListAsync(Cancel);
    });

    /// <summary>Stops the re-encryption once its first chunk is committed, as an operator's Ctrl+C would.</summary>
    private sealed class StopAfterFirstChunk(CancellationTokenSource stop) : IProgress<ReencryptionProgress>
    {
        public void Report(ReencryptionProgress value)
        {
            if (value.Done > 0)
            {
                stop.Cancel();
            }
        }
    }
}
