using System.Security.Cryptography;
using System.Text;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

/// <summary>The S3-compatible store against an in-memory S3 endpoint: content-addressed and never overwritten.</summary>
public sealed class S3StoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string KeyOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static S3FileStore StoreOn(FakeS3 s3, string? prefix = null) =>
        new(S3FileStore.CreateClient(s3.Options(prefix)), FakeS3.Bucket, prefix, Path.Combine(Path.GetTempPath(), "xinke-s3-tests"));

    private static async Task<byte[]> ReadAsync(S3FileStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, Cancel);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_saved_file_exists_and_reads_back_whole_under_its_prefixed_content_path()
    {
        await using var s3 = new FakeS3();
        using var store = StoreOn(s3, "xinke/");
        var key = KeyOf("演练报告");
        var bytes = Encoding.UTF8.GetBytes("演练报告：机房断电切换");

        Assert.False(await store.ExistsAsync(key, Cancel));
        await store.SaveAsync(key, new MemoryStream(bytes), Cancel);

        Assert.True(await store.ExistsAsync(key, Cancel));
        Assert.Equal(bytes, await ReadAsync(store, key));
        Assert.Equal(bytes, s3.Objects[$"{FakeS3.Bucket}/xinke/{key[..2]}/{key[2..4]}/{key}"]);
        Assert.NotEmpty(s3.Requests);
        Assert.All(s3.Requests, r => Assert.Equal("AWS4-HMAC-SHA256", r.Authorization));
    }

    [Fact]
    public async Task Saving_a_key_that_exists_keeps_the_first_bytes()
    {
        await using var s3 = new FakeS3();
        using var store = StoreOn(s3);
        var key = KeyOf("first");

        await store.SaveAsync(key, new MemoryStream([1, 2, 3]), Cancel);
        await store.SaveAsync(key, new MemoryStream([9, 9, 9, 9]), Cancel);

        Assert.Equal([1, 2, 3], await ReadAsync(store, key));
        Assert.Single(s3.Requests, r => r.Request.StartsWith("PUT ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_a_missing_key_is_file_not_found()
    {
        await using var s3 = new FakeS3();
        using var store = StoreOn(s3);

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(KeyOf("missing"), Cancel));
    }

    [Fact]
    public async Task A_key_that_is_not_a_hex_name_is_refused_before_any_request()
    {
        await using var s3 = new FakeS3();
        using var store = StoreOn(s3);

        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync("../../etc/passwd", Cancel));
        Assert.Empty(s3.Requests);
    }
}
