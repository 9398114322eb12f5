using BenchmarkDotNet.Attributes;
using Xinke.Kernel.Audit;

namespace Xinke.Bench;

/// <summary>
/// Chain verification in memory (canonical form, SM3, link check) against raw SM3 over the
/// same canonical bytes: what verifying costs beyond hashing. Per event.
/// </summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private const int Events = 10_000;
    private AuditEvent[] chain = [];
    private byte[][] canonical = [];

    [GlobalSetup]
    public void Setup()
    {
        chain = new AuditEvent[Events];
        var previous = ChainHash.Genesis;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Events; i++)
        {
            var unsigned = new AuditEvent
            {
                Sequence = i + 1,
                OccurredAt = start.AddSeconds(i),
                ActorId = 42,
                ActorName = "it-engineer",
                ClientAddress = "10.1.2.3",
                UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                Action = AuditAction.Update,
                EntityType = "Asset",
                EntityId = (100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Changes = """{"Status":{"before":"InStock","after":"OnLoan"},"Version":{"before":3,"after":4}}""",
                Outcome = AuditOutcome.Success,
                PreviousHash = previous,
                Hash = string.Empty,
            };
            var hash = ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(unsigned));
            chain[i] = new AuditEvent
            {
                Sequence = unsigned.Sequence,
                OccurredAt = unsigned.OccurredAt,
                ActorId = unsigned.ActorId,
                ActorName = unsigned.ActorName,
                ClientAddress = unsigned.ClientAddress,
                UserAgent = unsigned.UserAgent,
                Action = unsigned.Action,
                EntityType = unsigned.EntityType,
                EntityId = unsigned.EntityId,
                Changes = unsigned.Changes,
                Outcome = unsigned.Outcome,
                PreviousHash = unsigned.PreviousHash,
                Hash = hash,
            };
            previous = hash;
        }

        canonical = [.. chain.Select(CanonicalForm.Of)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int Raw_sm3_of_the_same_bytes()
    {
        var length = 0;
        foreach (var bytes in canonical)
        {
            length += ChainHash.Compute(ChainHash.Sm3, bytes).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long Chain_verification()
    {
        var previous = ChainHash.Genesis;
        long verified = 0;
        foreach (var e in chain)
        {
            if (e.PreviousHash != previous || ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(e)) != e.Hash)
            {
                return -1;
            }

            previous = e.Hash;
            verified++;
        }

        return verified;
    }
}
