using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Two instances on one database and one S3-compatible bucket, as behind a load balancer.</summary>
public abstract class S3SharedStoreTests(DatabaseKind kind, FakeS3 s3) : AttachmentTest(kind)
{
    public sealed class OnSqlite(FakeS3 s3) : S3SharedStoreTests(DatabaseKind.Sqlite, s3), IClassFixture<FakeS3>;

    public sealed class OnPostgres(FakeS3 s3) : S3SharedStoreTests(DatabaseKind.Postgres, s3), IClassFixture<FakeS3>;

    /// <summary>Each test's objects apart from the other tests' on the shared endpoint.</summary>
    private readonly string prefix = $"{Guid.NewGuid():N}/";

    protected override void ConfigureFiles(FilesOptions options)
    {
        options.Store = FilesOptions.S3Store;
        options.S3 = s3.Options(prefix);
    }

    [Fact]
    public async Task Each_instance_serves_what_the_other_stored_in_the_bucket()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var first = await SignInAsync(owner);
        var second = await SignInAsync(owner, other.CreateClient(new() { AllowAutoRedirect = false }));

        var fromFirst = (await UploadedAsync(first, owner.Id, "演练报告.pdf", Pdf("drill"))).GetProperty("id").GetInt64();
        var fromSecond = (await UploadedAsync(second, owner.Id, "机房照片.pdf", Pdf("photo"))).GetProperty("id").GetInt64();

        Assert.Equal(Pdf("drill"), await second.GetByteArrayAsync($"/api/v1/attachments/{fromFirst}/content", Cancel));
        Assert.Equal(Pdf("photo"), await first.GetByteArrayAsync($"/api/v1/attachments/{fromSecond}/content", Cancel));
        Assert.Equal(2, s3.Objects.Keys.Count(k => k.StartsWith($"{FakeS3.Bucket}/{prefix}", StringComparison.Ordinal)));
        Assert.Empty(StoredFiles(Path.Combine(App.Database.DataFolder, "files")));
        Assert.All(s3.Requests, r => Assert.Equal("AWS4-HMAC-SHA256", r.Authorization));
    }
}
