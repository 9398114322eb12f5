using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;

namespace Xinke.Tests.Kernel.Crypto;

public sealed class FieldProtectorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("xinke-keys-").FullName;

    [Fact]
    [Trait("Req", "DATA-09")]
    public void A_protected_value_round_trips_and_differs_each_time()
    {
        var protector = Protector(Convert.ToBase64String(Sm4Gcm.NewKey()));

        var once = protector.Protect("440103199001011234");
        var twice = protector.Protect("440103199001011234");

        Assert.NotEqual(once, twice);
        Assert.Equal("440103199001011234", protector.Unprotect(once));
        Assert.StartsWith($"sm4:{protector.KeyId}:", once, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_sealed_under_another_key_fails_loudly()
    {
        var sealedValue = Protector(Convert.ToBase64String(Sm4Gcm.NewKey())).Protect("13812345678");

        var other = Protector(Convert.ToBase64String(Sm4Gcm.NewKey()));

        Assert.Throws<InvalidOperationException>(() => other.Unprotect(sealedValue));
    }

    [Fact]
    public void A_value_stored_before_its_field_was_marked_sensitive_still_reads()
    {
        Assert.Equal("13812345678", Protector(Convert.ToBase64String(Sm4Gcm.NewKey())).Unprotect("13812345678"));
    }

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_in_the_data_folder_and_kept()
    {
        var first = Protector(null);
        var second = Protector(null);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal("13812345678", second.Unprotect(first.Protect("13812345678")));
        var file = Path.Combine(folder, "keys", "fields-sm4.key");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused_at_start()
    {
        Assert.Throws<InvalidOperationException>(() => Protector(Convert.ToBase64String(new byte[8])));
        Assert.Throws<InvalidOperationException>(() => Protector("not base64!"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private FieldProtector Protector(string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["XINKE_DATA_DIR"] = folder }).Build();
        var provider = new SoftwareCryptoProvider(Options.Create(new CryptoOptions { FieldKey = key }), new DataFolder(configuration));
        return new FieldProtector(provider);
    }
}
