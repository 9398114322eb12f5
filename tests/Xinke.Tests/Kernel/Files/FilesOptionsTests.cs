using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Files;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Bad file settings stop the start with a message naming them, never a silent fallback.</summary>
public sealed class FilesOptionsTests
{
    [Theory]
    [InlineData("ftp", false, null, "Xinke:Files:Store 'ftp' is not available")]
    [InlineData("folder", true, null, "needs Key or KeyFile")]
    [InlineData("folder", true, "c2hvcnQ=", "must be 16 bytes")]
    [InlineData("folder", true, "not base64!", "not base64")]
    public void A_store_this_version_lacks_or_an_unusable_key_is_refused(string store, bool encrypt, string? key, string message)
    {
        var options = new FilesOptions { Store = store, Encryption = { Enabled = encrypt, Key = key } };

        var result = new FilesOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        if (key is not null)
        {
            Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_key_file_holding_a_16_byte_key_is_accepted()
    {
        var file = Path.GetTempFileName();
        try
        {
            var key = Sm4Gcm.NewKey();
            File.WriteAllText(file, Convert.ToBase64String(key) + "\n");
            var options = new FilesOptions { Encryption = { Enabled = true, KeyFile = file } };

            Assert.True(new FilesOptionsValidator().Validate(null, options).Succeeded);
            Assert.Equal(key, FileCipher.LoadKey(options.Encryption));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_server_does_not_start_with_an_unknown_store()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var ftp = app.WithWebHostBuilder(builder => builder.UseSetting("Xinke:Files:Store", "ftp"));

        var error = Assert.Throws<OptionsValidationException>(() => ftp.CreateClient());

        Assert.Contains("Xinke:Files:Store 'ftp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_s3_store_names_each_missing_setting()
    {
        var result = new FilesOptionsValidator().Validate(null, new FilesOptions { Store = "s3" });

        Assert.True(result.Failed);
        foreach (var setting in new[] { "ServiceUrl", "Bucket", "AccessKey", "SecretKey" })
        {
            Assert.Contains($"Xinke:Files:S3:{setting}", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_server_does_not_start_with_an_s3_store_without_a_bucket_and_never_shows_the_secret()
    {
        await using var database = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var app = new XinkeApp(database);
        await using var s3 = app.WithWebHostBuilder(builder => builder
            .UseSetting("Xinke:Files:Store", "s3")
            .UseSetting("Xinke:Files:S3:ServiceUrl", "http://127.0.0.1:9")
            .UseSetting("Xinke:Files:S3:AccessKey", FakeS3.AccessKey)
            .UseSetting("Xinke:Files:S3:SecretKey", FakeS3.SecretKey));

        var error = Assert.Throws<OptionsValidationException>(() => s3.CreateClient());

        Assert.Contains("Xinke:Files:S3:Bucket", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeS3.SecretKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Xinke:Files:S3:SecretKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_s3_store_is_accepted()
    {
        var options = new FilesOptions
        {
            Store = "s3",
            S3 = { ServiceUrl = "http://minio:9000", Bucket = "xinke", AccessKey = "access", SecretKey = "secret" },
        };

        Assert.True(new FilesOptionsValidator().Validate(null, options).Succeeded);
    }
}
