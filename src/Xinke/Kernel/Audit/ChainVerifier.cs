using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Streams the chain in sequence order and recomputes every hash and link, then compares the
/// end with the head row and, when given, with an exported checkpoint (which the database
/// cannot rewrite, so a cut tail shows even when the head row was rewritten too).
/// </summary>
public sealed class ChainVerifier(XinkeDb db)
{
    /// <param name="from">The first sequence to check; the event before it is trusted.</param>
    /// <param name="checkpoint">The latest exported checkpoint, if any.</param>
    /// <param name="archivedThrough">The end of the newest verified archive: where the chain left in the database starts.</param>
    /// <param name="progress">Reports the count of events checked.</param>
    /// <param name="cancellationToken">Stops the verification.</param>
    public async Task<ChainVerification> VerifyAsync(long from, ChainPoint? checkpoint, ChainPoint? archivedThrough, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            var any = await db.Set<AuditEvent>().AnyAsync(cancellationToken);
            return any ? ChainVerification.Bad(0, 1, ChainFault.Inserted) : new ChainVerification(true, 0, 0, ChainHash.Genesis);
        }

        from = Math.Max(from, (archivedThrough?.Sequence ?? 0) + 1);
        var previousHash = from == 1
            ? ChainHash.Genesis
            : from - 1 == archivedThrough?.Sequence
                ? archivedThrough.Hash
                : await db.Set<AuditEvent>().Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
        if (previousHash is null)
        {
            return ChainVerification.Bad(0, from - 1, ChainFault.Missing);
        }

        var expected = from;
        long count = 0;
        string? checkpointHashSeen = null;
        await foreach (var e in db.Set<AuditEvent>().AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.Sequence > head.Sequence)
            {
                return ChainVerification.Bad(count, e.Sequence, ChainFault.Inserted);
            }

            if (e.Sequence != expected)
            {
                return ChainVerification.Bad(count, expected, ChainFault.Missing);
            }

            if (ChainHash.Compute(head.Algorithm, CanonicalForm.Of(e)) != e.Hash)
            {
                return ChainVerification.Bad(count, e.Sequence, ChainFault.Altered);
            }

            if (e.PreviousHash != previousHash)
            {
                // Its own hash holds, so it was written whole by someone else: a forged link.
                return ChainVerification.Bad(count, e.Sequence, ChainFault.Inserted);
            }

            if (checkpoint is not null && e.Sequence == checkpoint.Sequence)
            {
                checkpointHashSeen = e.Hash;
            }

            previousHash = e.Hash;
            expected++;
            count++;
            if (count % 10_000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        var last = expected - 1;
        if (last < head.Sequence)
        {
            return ChainVerification.Bad(count, last + 1, ChainFault.Missing);
        }

        if (previousHash != head.Hash)
        {
            return ChainVerification.Bad(count, head.Sequence, ChainFault.Altered);
        }

        if (checkpoint is not null)
        {
            if (checkpoint.Sequence > last)
            {
                return ChainVerification.Bad(count, last + 1, ChainFault.Missing);
            }

            if (checkpoint.Sequence >= from && checkpointHashSeen != checkpoint.Hash)
            {
                return ChainVerification.Bad(count, checkpoint.Sequence, ChainFault.Altered);
            }
        }

        return new ChainVerification(true, count, head.Sequence, head.Hash);
    }
}
