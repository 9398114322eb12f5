using System.Globalization;
using System.Runtime.CompilerServices;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Data.Consistency;

/// <summary>ACC-06: the audit chain verifies from the newest archive (or the genesis) to the head and the latest checkpoint.</summary>
public sealed class AuditChainRuleCheck(ChainVerifier verifier, AuditCheckpoints checkpoints, AuditArchive archive) : IRecordRuleCheck
{
    public string Area => "audit";

    public async IAsyncEnumerable<RuleViolation> FindViolationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LatestAsync(cancellationToken);
        var archived = await archive.LatestAsync(cancellationToken);
        var outcome = await verifier.VerifyAsync(0, checkpoint?.Point, archived?.End, null, cancellationToken);
        if (!outcome.Ok)
        {
            yield return new RuleViolation(
                AuditEvidence.Tampering,
                string.Create(CultureInfo.InvariantCulture, $"audit:{outcome.FirstBadSequence}"),
                string.Create(CultureInfo.InvariantCulture, $"The audit chain breaks at sequence {outcome.FirstBadSequence}: {outcome.Fault?.ToString().ToLowerInvariant()}."));
        }
    }
}
