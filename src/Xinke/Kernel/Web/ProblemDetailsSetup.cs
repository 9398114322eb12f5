using System.Diagnostics;

namespace Xinke.Kernel.Web;

public static class ProblemDetailsSetup
{
    /// <summary>Every problem carries the trace id, so a user's report leads to the log line.</summary>
    public static IServiceCollection AddXinkeProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            if (!problem.Extensions.ContainsKey("code"))
            {
                var fallback = ApiProblems.Create(context.HttpContext, problem.Status ?? 500, CodeOfStatus(problem.Status ?? 500));
                problem.Extensions["code"] = fallback.Extensions["code"];
                problem.Title = fallback.Title;
                problem.Detail ??= fallback.Detail;
                problem.Type = fallback.Type;
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    public static string CodeOfStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "request.invalid",
        StatusCodes.Status401Unauthorized => "request.unauthenticated",
        StatusCodes.Status403Forbidden => "request.forbidden",
        StatusCodes.Status404NotFound => "request.not_found",
        StatusCodes.Status405MethodNotAllowed => "request.method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "request.too_large",
        StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "request.rate_limited",
        StatusCodes.Status503ServiceUnavailable => "server.busy",
        _ when status >= 500 => "server.error",
        _ => "request.failed",
    };
}
