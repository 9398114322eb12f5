using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data;

namespace Xinke.Tests.Kernel.Crypto;

/// <summary>The field key ring in the data folder, as two instances sharing that folder see it.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("xinke-ring-").FullName;

    [Fact]
    [Trait("Req", "DATA-09")]
    public void After_a_rotation_old_values_still_read_and_new_ones_are_sealed_under_the_new_key()
    {
        var crypto = Provider();
        var protector = new FieldProtector(crypto);
        var before = protector.Protect("13812345678");

        var (oldId, newId) = crypto.Ring!.Rotate();
        var after = protector.Protect("13912345678");

        Assert.NotEqual(oldId, newId);
        Assert.StartsWith(FieldProtector.PrefixOf(oldId), before, StringComparison.Ordinal);
        Assert.StartsWith(FieldProtector.PrefixOf(newId), after, StringComparison.Ordinal);
        Assert.Equal("13812345678", protector.Unprotect(before));
        Assert.Equal("13912345678", protector.Unprotect(after));
        Assert.Equal([oldId], crypto.RetiredKeyIds);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public void Another_instance_reads_values_sealed_under_a_key_rotated_in_after_it_started()
    {
        var first = new FieldProtector(Provider());
        var second = Provider();

        Provider().Ring!.Rotate();
        var sealedByFirst = first.Protect("440103199001011234");

        Assert.Equal("440103199001011234", new FieldProtector(second).Unprotect(sealedByFirst));
        Assert.Equal(first.KeyId, second.KeyId);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public void A_value_under_a_key_outside_the_ring_fails_loudly()
    {
        var crypto = Provider();
        crypto.Ring!.Rotate();
        var stranger = new FieldProtector(new SoftwareCryptoProvider(Options.Create(new CryptoOptions { FieldKey = Convert.ToBase64String(Sm4Gcm.NewKey()) }), DataFolder()));

        var failed = Assert.Throws<InvalidOperationException>(() => new FieldProtector(crypto).Unprotect(stranger.Protect("13812345678")));

        Assert.Contains(stranger.KeyId, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frozen_protector_keeps_sealing_under_the_key_it_was_frozen_with()
    {
        var crypto = Provider();
        var live = new FieldProtector(crypto);
        var frozen = live.Freeze();
        var oldId = crypto.KeyId;

        crypto.Ring!.Rotate();

        Assert.StartsWith(FieldProtector.PrefixOf(oldId), frozen.Protect("a"), StringComparison.Ordinal);
        Assert.NotEqual(frozen.KeySetId, live.KeySetId);
        Assert.Equal("b", frozen.Unprotect(live.Protect("b")));
    }

    [Fact]
    public void A_key_given_inline_cannot_be_rotated_here()
    {
        var inline = new SoftwareCryptoProvider(Options.Create(new CryptoOptions { FieldKey = Convert.ToBase64String(Sm4Gcm.NewKey()) }), DataFolder());

        Assert.Null(inline.Ring);
        Assert.Empty(inline.RetiredKeyIds);
    }

    [Fact]
    public void The_retired_keys_file_is_readable_by_the_service_account_only()
    {
        Provider().Ring!.Rotate();

        var retired = KeyFiles.RetiredOf(Path.Combine(folder, "keys", SoftwareCryptoProvider.DefaultFileName));
        Assert.True(File.Exists(retired));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(retired));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private SoftwareCryptoProvider Provider() => new(Options.Create(new CryptoOptions()), DataFolder());

    private DataFolder DataFolder() =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["XINKE_DATA_DIR"] = folder }).Build());
}
