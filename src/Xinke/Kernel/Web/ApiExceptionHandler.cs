using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Web;

/// <summary>
/// The one place exceptions become answers under <c>/api</c>: unreadable requests are the
/// client's fault (400/413), a lost optimistic-concurrency race is 412, a lost race for a
/// unique code is 409, a database that gave up waiting for locks or connections is 503 with a
/// <c>Retry-After</c> (nothing was saved; the same request may pass a moment later), anything else
/// is a bug answered with 500 and the trace id, never the stack trace.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: judge by the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith(ApiPaths.Prefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (status, code) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "request.too_large"),
            BadHttpRequestException bad when IsJsonFailure(bad) => (400, "request.malformed_json"),
            BadHttpRequestException bad => (bad.StatusCode, ProblemDetailsSetup.CodeOfStatus(bad.StatusCode)),
            DbUpdateConcurrencyException => (412, "request.stale_version"),
            DbUpdateException duplicate when duplicate.IsUniqueViolation() => (409, "request.duplicate"),
            _ when exception.IsBusyDatabase() && !httpContext.RequestAborted.IsCancellationRequested => (503, "server.busy"),
            _ => (500, "server.error"),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Database busy on {Method} {Path}: {Reason}", httpContext.Request.Method, path, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, path);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Code} ({Reason})", httpContext.Request.Method, path, code, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ApiProblems.Create(httpContext, status, code),
            Exception = exception,
        });
    }

    private static bool IsJsonFailure(BadHttpRequestException exception) =>
        exception.InnerException is JsonException || exception.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase);
}
