using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Xinke.Kernel.Web;

/// <summary>
/// Turns expected failures into RFC 9457 problems: a stable <c>code</c>, a localised title and
/// detail, per-field <c>errors</c>; the trace id is added by <see cref="ProblemDetailsSetup"/>.
/// </summary>
public static class ApiProblems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult From(HttpContext http, Error error)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(error);
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = Message(localizer, error.Code, error.Arguments);
        if (error.RequirementId is not null)
        {
            message = $"{message} ({error.RequirementId})";
        }

        var problem = Create(http, StatusOf(error.Kind), error.Code, message);
        if (error.Field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [message] };
        }

        if (error.RequirementId is not null)
        {
            problem.Extensions["requirement"] = error.RequirementId;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A problem for a status and code; the detail is the code's localised message unless given.</summary>
    public static ProblemDetails Create(HttpContext http, int status, string code, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Message(localizer, $"status.{status}"),
            Detail = detail ?? Message(localizer, code),
            Type = $"https://xinke.local/problems/{code}",
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static string Message(IStringLocalizer localizer, string key, params object[] arguments)
    {
        var text = localizer[key, arguments];
        return text.ResourceNotFound ? key : text.Value;
    }
}
