namespace Xinke.Kernel.Import;

/// <summary>
/// A column an import understands: its key, whether every row must fill it, and the header texts
/// that name it (Chinese first, as the template writes it, then English and the key itself).
/// </summary>
public sealed record ImportColumn(string Key, bool Required, params string[] Headers)
{
    public bool Matches(string header) =>
        string.Equals(header, Key, StringComparison.OrdinalIgnoreCase)
        || Headers.Any(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
}
