namespace Xinke.Kernel.Crypto;

/// <summary>
/// The keys of a ring as they stand at one moment: the current key, which seals everything new,
/// and the retired keys, which still open what they sealed. Immutable, so whatever captures it
/// (a cached EF model) behaves the same for as long as it lives.
/// </summary>
public sealed class KeySet
{
    private readonly Dictionary<string, byte[]> byId = new(StringComparer.Ordinal);

    public KeySet(byte[] current, IEnumerable<byte[]> retired, Func<byte[], string> idOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(retired);
        ArgumentNullException.ThrowIfNull(idOf);
        Current = current.ToArray();
        CurrentId = idOf(Current);
        byId[CurrentId] = Current;
        var retiredIds = new List<string>();
        var retiredKeys = new List<byte[]>();
        foreach (var key in retired)
        {
            var id = idOf(key);
            if (byId.TryAdd(id, key.ToArray()))
            {
                retiredIds.Add(id);
                retiredKeys.Add(key.ToArray());
            }
        }

        RetiredIds = retiredIds;
        Retired = retiredKeys;
    }

    public string CurrentId { get; }

    public byte[] Current { get; }

    /// <summary>Oldest first, in the order the ring keeps them.</summary>
    public IReadOnlyList<string> RetiredIds { get; }

    public IReadOnlyList<byte[]> Retired { get; }

    /// <summary>Names the current and retired keys together (never reveals them).</summary>
    public string Identity => RetiredIds.Count == 0 ? CurrentId : $"{CurrentId}+{string.Join(',', RetiredIds)}";

    public byte[]? Find(string keyId) => byId.GetValueOrDefault(keyId);
}
