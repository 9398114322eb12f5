using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Two instances on one database and one shared folder store, as behind a load balancer.</summary>
public abstract class SharedFolderTests(DatabaseKind kind) : AttachmentTest(kind)
{
    public sealed class OnSqlite() : SharedFolderTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SharedFolderTests(DatabaseKind.Postgres);

    /// <summary>Outside either instance's default store, as a mounted share would be.</summary>
    private string Shared => Path.Combine(App.Database.DataFolder, "shared-store");

    protected override void ConfigureFiles(FilesOptions options) => options.Folder = Shared;

    [Fact]
    public async Task Each_instance_serves_what_the_other_stored()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var first = await SignInAsync(owner);
        var second = await SignInAsync(owner, other.CreateClient(new() { AllowAutoRedirect = false }));

        var fromFirst = (await UploadedAsync(first, owner.Id, "演练报告.pdf", Pdf("drill"))).GetProperty("id").GetInt64();
        var fromSecond = (await UploadedAsync(second, owner.Id, "机房照片.pdf", Pdf("photo"))).GetProperty("id").GetInt64();

        Assert.Equal(Pdf("drill"), await second.GetByteArrayAsync($"/api/v1/attachments/{fromFirst}/content", Cancel));
        Assert.Equal(Pdf("photo"), await first.GetByteArrayAsync($"/api/v1/attachments/{fromSecond}/content", Cancel));
        var list = await second.GetFromJsonAsync<JsonElement>($"/api/v1/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        Assert.Equal(2, StoredFiles(Shared).Count);
        Assert.Empty(StoredFiles(Path.Combine(App.Database.DataFolder, "files")));
    }

    [Fact]
    public async Task Both_instances_storing_the_same_content_at_once_keep_one_whole_file()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var clients = new[] { await SignInAsync(owner), await SignInAsync(owner, other.CreateClient(new() { AllowAutoRedirect = false })) };
        var bytes = Pdf(new string('z', 200_000));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => UploadAsync(clients[i % 2], Upload(owner.Id, $"同一文件{i}.pdf", bytes))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(StoredFiles(Shared).Single(), Cancel));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Shared, ".tmp")));
    }
}
