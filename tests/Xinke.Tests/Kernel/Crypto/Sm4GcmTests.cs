using System.Text;
using Org.BouncyCastle.Crypto;
using Xinke.Kernel.Crypto;

namespace Xinke.Tests.Kernel.Crypto;

public sealed class Sm4GcmTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("身份证号 110101199003071234");

    [Fact]
    [Trait("Req", "DATA-09")]
    public void Sealed_data_opens_with_its_key_and_hides_the_plaintext()
    {
        var key = Sm4Gcm.NewKey();

        var sealedData = Sm4Gcm.Encrypt(key, Plain);

        Assert.Equal(-1, sealedData.AsSpan().IndexOf(Encoding.UTF8.GetBytes("110101199003071234")));
        Assert.Equal(Plain, Sm4Gcm.Decrypt(key, sealedData));
    }

    [Fact]
    public void The_same_plaintext_seals_differently_each_time()
    {
        var key = Sm4Gcm.NewKey();

        Assert.NotEqual(Sm4Gcm.Encrypt(key, Plain), Sm4Gcm.Encrypt(key, Plain));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public void A_changed_byte_or_another_key_is_refused()
    {
        var key = Sm4Gcm.NewKey();
        var sealedData = Sm4Gcm.Encrypt(key, Plain);
        sealedData[20] ^= 0x01;

        Assert.Throws<InvalidCipherTextException>(() => Sm4Gcm.Decrypt(key, sealedData));
        Assert.Throws<InvalidCipherTextException>(() => Sm4Gcm.Decrypt(Sm4Gcm.NewKey(), Sm4Gcm.Encrypt(key, Plain)));
    }

    [Fact]
    public void Associated_data_binds_the_ciphertext_to_its_record()
    {
        var key = Sm4Gcm.NewKey();
        var sealedData = Sm4Gcm.Encrypt(key, Plain, "Person/7/Phone"u8);

        Assert.Equal(Plain, Sm4Gcm.Decrypt(key, sealedData, "Person/7/Phone"u8));
        Assert.Throws<InvalidCipherTextException>(() => Sm4Gcm.Decrypt(key, sealedData, "Person/8/Phone"u8));
    }
}
