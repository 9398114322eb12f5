using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Kernel.Audit;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Audit;

/// <summary>What the audit tests ask of a running installation's chain.</summary>
internal static class ChainChecks
{
    /// <summary>The sequence of the chain's last stored event, 0 before the first.</summary>
    public static async Task<long> LastSequenceAsync(this XinkeApp app, CancellationToken cancellationToken) =>
        await app.WithDbAsync(db => db.Set<AuditEvent>().MaxAsync(e => (long?)e.Sequence, cancellationToken)) ?? 0;

    /// <summary>The whole chain verified from its first event.</summary>
    public static async Task<ChainVerification> VerifyChainAsync(this XinkeApp app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChainVerifier>().VerifyAsync(1, null, null, null, cancellationToken);
    }
}
