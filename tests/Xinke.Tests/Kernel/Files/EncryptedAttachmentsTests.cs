using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Encryption at rest: what is on disk is SM4-GCM ciphertext; the API serves the plaintext.</summary>
public abstract class EncryptedAttachmentsTests(DatabaseKind kind) : AttachmentTest(kind)
{
    private static readonly byte[] Key = Sm4Gcm.NewKey();

    public sealed class OnSqlite() : EncryptedAttachmentsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EncryptedAttachmentsTests(DatabaseKind.Postgres);

    private string StoreRoot => Path.Combine(App.Database.DataFolder, "files");

    protected override void ConfigureFiles(FilesOptions options)
    {
        options.Encryption.Enabled = true;
        options.Encryption.Key = Convert.ToBase64String(Key);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task An_encrypted_file_is_unreadable_on_disk_and_readable_through_the_api()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var plaintext = Encoding.UTF8.GetBytes("保密协议：患者数据不得外传。签字：张三\n");

        var created = await UploadedAsync(client, owner.Id, "保密协议.txt", plaintext);
        var stored = await File.ReadAllBytesAsync(StoredFiles(StoreRoot).Single(), Cancel);
        var served = await client.GetByteArrayAsync($"/api/v1/attachments/{created.GetProperty("id").GetInt64()}/content", Cancel);

        Assert.True(created.GetProperty("encrypted").GetBoolean());
        Assert.Equal(plaintext.Length + 12 + 16, stored.Length);
        Assert.DoesNotContain("保密协议", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.False(stored.AsSpan().IndexOf(plaintext.AsSpan(0, 9)) >= 0);
        Assert.Equal(plaintext, served);
        Assert.DoesNotContain(StoredFiles(StoreRoot), f => f.EndsWith(Sm3Of(plaintext), StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task The_key_is_kept_out_of_the_database()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        await UploadedAsync(await SignInAsync(owner), owner.Id, "a.pdf", Pdf("a"));

        var attachment = await WithDbAsync(db => db.Set<Attachment>().SingleAsync(Cancel));

        Assert.Equal(App.Services.GetRequiredService<FileCipher>().KeyId, attachment.KeyId);
        Assert.DoesNotContain(Convert.ToBase64String(Key), string.Join('|', attachment.StorageKey, attachment.KeyId, attachment.Sm3), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(Key), attachment.StorageKey + attachment.KeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_file_sealed_under_another_name_is_not_served()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var first = (await UploadedAsync(client, owner.Id, "a.pdf", Pdf("first"))).GetProperty("id").GetInt64();
        await UploadedAsync(client, owner.Id, "b.pdf", Pdf("second"));
        var files = await WithDbAsync(db => db.Set<Attachment>().OrderBy(a => a.Id).Select(a => a.StorageKey).ToListAsync(Cancel));
        var store = (FolderFileStore)App.Services.GetRequiredService<IFileStore>();
        File.Copy(store.PathOf(files[1]), store.PathOf(files[0]), overwrite: true);

        var response = await client.GetAsync($"/api/v1/attachments/{first}/content", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(App.Services.GetRequiredService<IOptions<FilesOptions>>().Value.Encryption.Enabled);
    }
}
