using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Identity;

/// <summary>
/// Log-in attempts per account and per address, in fixed one-minute windows. The account is
/// read from the request body, which the rate-limiting middleware cannot see, so the log-in
/// handlers ask here themselves. Limits hold per instance; lockout holds across instances.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAccount;
    private readonly PartitionedRateLimiter<string> perAddress;

    public LoginThrottle(IOptions<IdentityPolicyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        perAccount = Create(options.Value.LoginAttemptsPerAccountPerMinute);
        perAddress = Create(options.Value.LoginAttemptsPerAddressPerMinute);
    }

    /// <summary>Takes one attempt from both budgets; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string normalizedUserName, string address)
    {
        using var byAddress = perAddress.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byAccount = perAccount.AttemptAcquire(normalizedUserName);
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    public void Dispose()
    {
        perAccount.Dispose();
        perAddress.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    private static PartitionedRateLimiter<string> Create(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
