namespace Xinke.Data;

/// <summary>What a sensitive value is, which decides how it is masked for a reader without the right to see it.</summary>
public enum SensitiveKind
{
    Phone,
    IdNumber,
    Address,
    Name,

    /// <summary>Never shown to anyone once stored (an authenticator seed): masked entirely.</summary>
    Secret,
}

/// <summary>
/// Marks a string property as personal or secret data (DATA-09): stored encrypted, masked in
/// lists, exports and audit diffs for readers without the module's view-sensitive permission.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute(SensitiveKind kind) : Attribute
{
    public SensitiveKind Kind { get; } = kind;
}

/// <summary>Turns a sensitive value into what is stored in its column and back.</summary>
public interface IFieldProtector
{
    /// <summary>Names the key that seals new values (never reveals it).</summary>
    string KeyId { get; }

    /// <summary>Names every key it opens (never reveals them); contexts on different key sets never share a cached model.</summary>
    string KeySetId { get; }

    string Protect(string plaintext);

    string Unprotect(string stored);

    /// <summary>The protector as its keys stand now: what a cached model captures, so models on the same keys behave alike.</summary>
    IFieldProtector Freeze();
}
