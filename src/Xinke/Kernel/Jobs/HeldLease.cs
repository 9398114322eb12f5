namespace Xinke.Kernel.Jobs;

/// <summary>A lease this instance holds: the unit's name and the fencing token it was given.</summary>
public sealed record HeldLease(string Name, string Holder, long Token, DateTime ExpiresAt);
