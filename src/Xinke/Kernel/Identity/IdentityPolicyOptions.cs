using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel.Identity;

/// <summary>
/// Password, lockout, session and log-in limits (<c>Xinke:Identity</c>). GB/T 22239 sets no
/// numbers; the defaults are assessor practice and the issue's.
/// </summary>
public sealed class IdentityPolicyOptions
{
    public const string Section = "Xinke:Identity";

    [Range(8, 128)]
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>How many of the four classes (lower, upper, digit, symbol) a password must mix.</summary>
    [Range(1, 4)]
    public int PasswordMinClasses { get; set; } = 3;

    [Range(0, 24)]
    public int PasswordHistory { get; set; } = 5;

    [Range(1, 3650)]
    public int PasswordMaxAgeDays { get; set; } = 90;

    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 1440)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    [Range(1, 168)]
    public int AbsoluteTimeoutHours { get; set; } = 12;

    /// <summary>Everyone must enrol a second factor, not only administrators and IT roles.</summary>
    public bool RequireMfaForEveryone { get; set; }

    [Range(1, 10000)]
    public int LoginAttemptsPerAccountPerMinute { get; set; } = 10;

    [Range(1, 10000)]
    public int LoginAttemptsPerAddressPerMinute { get; set; } = 30;

    [Range(1, 3650)]
    public int TokenMaxLifetimeDays { get; set; } = 365;

    public TimeSpan PasswordMaxAge => TimeSpan.FromDays(PasswordMaxAgeDays);

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteTimeout => TimeSpan.FromHours(AbsoluteTimeoutHours);
}
