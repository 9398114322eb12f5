namespace Xinke.Kernel.Audit;

/// <summary>What went wrong at the first bad sequence number.</summary>
public enum ChainFault
{
    /// <summary>The event's content no longer matches its hash (a field was changed, or events were renumbered).</summary>
    Altered,

    /// <summary>An event that should be there is not (deleted from the middle, or the tail was cut).</summary>
    Missing,

    /// <summary>An event that the chain never wrote (forged, or spliced in after the head).</summary>
    Inserted,
}

/// <summary>The outcome of a verification: OK with the count and head hash, or the first bad sequence and its fault.</summary>
public sealed record ChainVerification(bool Ok, long Count, long HeadSequence, string HeadHash, long? FirstBadSequence = null, ChainFault? Fault = null)
{
    public static ChainVerification Bad(long count, long sequence, ChainFault fault) => new(false, count, 0, string.Empty, sequence, fault);
}

/// <summary>A point of the chain written out and signed, used to notice a truncated tail.</summary>
public sealed record ChainPoint(long Sequence, string Hash);
