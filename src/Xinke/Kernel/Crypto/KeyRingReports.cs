namespace Xinke.Kernel.Crypto;

/// <summary>One key of a ring and how many values or files it still seals.</summary>
public sealed record KeyUse(string KeyId, bool Current, long Count);

/// <summary>A ring (<c>fields</c> or <c>files</c>): its keys, current first, and whether it can be rotated here.</summary>
public sealed record RingStatus(string Ring, bool Rotatable, IReadOnlyList<KeyUse> Keys);

/// <summary>A rotation of one ring, named by key ids only.</summary>
public sealed record RingRotated(string Ring, string OldKeyId, string NewKeyId);

/// <summary>How far a re-encryption is: values or files done of those found under retired keys at its start.</summary>
public sealed record ReencryptionProgress(string Ring, long Done, long Total);
