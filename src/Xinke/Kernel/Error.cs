namespace Xinke.Kernel;

/// <summary>
/// An expected failure: a stable machine code, the resource key of its message and the
/// field it concerns. Services return it; the API turns it into a problem, a page into a
/// ModelState error, the CLI into an exit code.
/// </summary>
public sealed record Error(string Code, ErrorKind Kind, string? Field = null, string? RequirementId = null, params object[] Arguments)
{
    public static Error Invalid(string code, string field, params object[] arguments) => new(code, ErrorKind.Invalid, field, null, arguments);

    public static Error NotFound(string code) => new(code, ErrorKind.NotFound);

    public static Error Conflict(string code, string? requirementId = null, params object[] arguments) => new(code, ErrorKind.Conflict, null, requirementId, arguments);

    public static Error Forbidden(string code) => new(code, ErrorKind.Forbidden);

    public static Error Unauthenticated(string code) => new(code, ErrorKind.Unauthenticated);
}

public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthenticated,
    TooManyRequests,

    /// <summary>The body or upload is larger than allowed (413).</summary>
    TooLarge,
    PreconditionFailed,
    PreconditionRequired,
}

/// <summary>The outcome of a use case: a value or an <see cref="Error"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool Succeeded => Error is null;

    /// <summary>Needed where <typeparamref name="T"/> is an interface, which implicit conversions cannot take.</summary>
    public static Result<T> Success(T value) => new(value, null);

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
