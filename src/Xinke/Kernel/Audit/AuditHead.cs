namespace Xinke.Kernel.Audit;

/// <summary>
/// The end of the chain: the last sequence and hash. Writers lock this one row to append, so
/// appends are serialized across connections and instances; verification compares the chain's
/// end with it to notice events added or removed behind the application's back.
/// </summary>
[NotAudited("The head is the chain's own end pointer.")]
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public long Sequence { get; set; }

    public required string Hash { get; set; }

    /// <summary>Chosen at installation (sm3 or sha256) and never changed after the first event.</summary>
    public required string Algorithm { get; init; }
}
