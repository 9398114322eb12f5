using Xinke.Data;

namespace Xinke.Kernel.Privacy;

/// <summary>
/// How sensitive values look to a reader without the right to see them: enough to recognise a
/// record, not enough to use the value (GB/T 35273 de-identification by partial masking).
/// </summary>
public static class Masking
{
    public const string Hidden = "***";

    /// <summary>The masked form of a value of the given kind.</summary>
    public static string For(SensitiveKind kind, string? value) => kind switch
    {
        SensitiveKind.Phone => Phone(value),
        SensitiveKind.IdNumber => IdNumber(value),
        SensitiveKind.Address => Address(value),
        SensitiveKind.Name => Name(value),
        _ => Hidden,
    };

    /// <summary>A mobile number keeps its first three and last four digits: <c>138****5678</c>.</summary>
    public static string Phone(string? value) => Keep(value, 3, 4);

    /// <summary>A resident ID number keeps its first six and last four characters.</summary>
    public static string IdNumber(string? value) => Keep(value, 6, 4);

    /// <summary>An address keeps its first six characters (province and city, usually).</summary>
    public static string Address(string? value) => string.IsNullOrEmpty(value) ? string.Empty : value.Length <= 6 ? new string('*', value.Length) : value[..6] + "****";

    /// <summary>A name keeps its first character: <c>张**</c>.</summary>
    public static string Name(string? value) => string.IsNullOrEmpty(value) ? string.Empty : value[..1] + new string('*', Math.Max(1, value.Length - 1));

    private static string Keep(string? value, int head, int tail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.Length <= head + tail
            ? new string('*', value.Length)
            : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
    }
}
