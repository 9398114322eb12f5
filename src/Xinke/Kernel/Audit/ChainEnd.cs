namespace Xinke.Kernel.Audit;

/// <summary>The chain's last event as the head records it: its sequence and hash, and the chain's hash algorithm.</summary>
internal sealed record ChainEnd(long Sequence, string Hash, string Algorithm);
