using System.Text;
using Xinke.Kernel.Audit;

namespace Xinke.Tests.Kernel.Audit;

public sealed class ChainHashTests
{
    [Fact]
    public void Sm3_matches_the_standards_example()
    {
        // GB/T 32905-2016, appendix A.1: SM3("abc").
        Assert.Equal(
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            ChainHash.Compute(ChainHash.Sm3, Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Sha256_matches_the_standards_example()
    {
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            ChainHash.Compute(ChainHash.Sha256, Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void The_canonical_form_is_length_prefixed_and_marks_absent_values()
    {
        var e = new AuditEvent
        {
            Sequence = 7,
            OccurredAt = new DateTime(2026, 3, 2, 0, 30, 0, DateTimeKind.Utc),
            ActorName = "张三",
            Action = "create",
            Outcome = "success",
            PreviousHash = ChainHash.Genesis,
            Hash = string.Empty,
        };

        var bytes = CanonicalForm.Of(e);

        Assert.Equal(new byte[] { 0, 0, 0, 1, (byte)'7' }, bytes[..5]);
        var time = Encoding.ASCII.GetBytes("2026-03-02T00:30:00.000000Z");
        Assert.Equal(time, bytes[9..(9 + time.Length)]);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, bytes[(9 + time.Length)..(13 + time.Length)]);
        Assert.Equal(new byte[] { 0, 0, 0, 6 }, bytes[(13 + time.Length)..(17 + time.Length)]);
    }

    [Fact]
    public void Any_field_change_changes_the_hash()
    {
        var e = new AuditEvent { Sequence = 1, OccurredAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ActorName = "a", Action = "update", Outcome = "success", PreviousHash = ChainHash.Genesis, Hash = string.Empty, Changes = "{\"Name\":{\"after\":\"x\"}}" };
        var original = ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(e));

        var variants = new[]
        {
            new AuditEvent { Sequence = 2, OccurredAt = e.OccurredAt, ActorName = e.ActorName, Action = e.Action, Outcome = e.Outcome, PreviousHash = e.PreviousHash, Hash = string.Empty, Changes = e.Changes },
            new AuditEvent { Sequence = 1, OccurredAt = e.OccurredAt, ActorName = "b", Action = e.Action, Outcome = e.Outcome, PreviousHash = e.PreviousHash, Hash = string.Empty, Changes = e.Changes },
            new AuditEvent { Sequence = 1, OccurredAt = e.OccurredAt, ActorName = e.ActorName, Action = e.Action, Outcome = "refused", PreviousHash = e.PreviousHash, Hash = string.Empty, Changes = e.Changes },
            new AuditEvent { Sequence = 1, OccurredAt = e.OccurredAt, ActorName = e.ActorName, Action = e.Action, Outcome = e.Outcome, PreviousHash = e.PreviousHash, Hash = string.Empty, Changes = null },
            new AuditEvent { Sequence = 1, OccurredAt = e.OccurredAt.AddTicks(10), ActorName = e.ActorName, Action = e.Action, Outcome = e.Outcome, PreviousHash = e.PreviousHash, Hash = string.Empty, Changes = e.Changes },
        };

        Assert.All(variants, v => Assert.NotEqual(original, ChainHash.Compute(ChainHash.Sm3, CanonicalForm.Of(v))));
    }
}
