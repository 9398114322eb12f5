using Xinke.Kernel.Privacy;

namespace Xinke.Tests.Kernel.Privacy;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("1381234", "*******")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [Trait("Req", "DATA-09")]
    public void Phone_numbers_keep_three_and_four_digits(string? phone, string expected) => Assert.Equal(expected, Masking.Phone(phone));

    [Fact]
    [Trait("Req", "DATA-09")]
    public void Id_numbers_keep_the_region_and_the_last_four() =>
        Assert.Equal("110101********1234", Masking.IdNumber("110101199003071234"));

    [Fact]
    public void Names_and_addresses_keep_a_recognisable_start()
    {
        Assert.Equal("张**", Masking.Name("张三丰"));
        Assert.Equal("浙江省杭州市****", Masking.Address("浙江省杭州市西湖区文三路 100 号"));
    }
}
