using System.Text.RegularExpressions;

namespace Xinke.Kernel.Files;

/// <summary>Where a storage key lives inside a store: <c>ab/cd/abcd…</c>, spreading files over folders.</summary>
public static partial class StorageKeys
{
    /// <summary>The key's place; a key that is not a hex name could point outside the store and is refused.</summary>
    public static string RelativePathOf(string storageKey, char separator)
    {
        ArgumentNullException.ThrowIfNull(storageKey);
        if (!KeyPattern().IsMatch(storageKey))
        {
            throw new ArgumentException("A storage key is 64 lowercase hex characters.", nameof(storageKey));
        }

        return string.Join(separator, storageKey[..2], storageKey[2..4], storageKey);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex KeyPattern();
}
