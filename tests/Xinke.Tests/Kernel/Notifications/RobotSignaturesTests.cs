using Xinke.Kernel.Notifications;

namespace Xinke.Tests.Kernel.Notifications;

/// <summary>Expected values were computed with an independent HMAC-SHA256 implementation from the platforms' documented recipes.</summary>
public sealed class RobotSignaturesTests
{
    private const string Secret = "SEC0123456789abcdef";

    [Fact]
    public void DingTalk_signature_matches_the_documented_algorithm() =>
        Assert.Equal("oZ66YqdaJCwrhsKWdr1BMb%2FpNQUEA4%2B2g%2Fnkcufq1iU%3D", RobotSignatures.DingTalk(Secret, 1764144000000));

    [Fact]
    public void Feishu_signature_matches_the_documented_algorithm() =>
        Assert.Equal("bNfwOV/4uTNnKe0/enArUviS+BoOXAMxX9/3FzgGRos=", RobotSignatures.Feishu(Secret, 1764144000));
}
