using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;
using Scalar.AspNetCore;

namespace Xinke.Kernel.Web;

/// <summary>The endpoints of the installation itself: health, metrics, the API description, the API catch-all.</summary>
public static class Endpoints
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static WebApplication MapInstallationEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapMetrics("/metrics").AllowAnonymous();
        // The document describes this build's endpoints and costs a second to generate at this
        // size: made once, then served from the output cache (per document name).
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous()
            .CacheOutput(policy => policy.Expire(TimeSpan.FromDays(1)).SetVaryByRouteValue("documentName"));
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, options => options
            .WithTitle("Xinke API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Its default fonts come from a CDN, which a hospital intranet cannot reach.
            .DisableDefaultFonts())
            .AllowAnonymous();
        return app;
    }

    /// <summary>An unknown path under <c>/api</c> is a 404 problem, never the HTML of a page.</summary>
    public static WebApplication MapApiFallback(this WebApplication app)
    {
        app.MapFallback($"{ApiPaths.Prefix}/{{**path}}", (HttpContext http) =>
            TypedResults.Problem(ApiProblems.Create(http, StatusCodes.Status404NotFound, "request.not_found")))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// An unknown page is a 404, shown by the friendly status page, for everyone: without this
    /// endpoint the fallback authorization policy would send a signed-out visitor to the login
    /// page for a page that does not exist.
    /// </summary>
    public static WebApplication MapPageFallback(this WebApplication app)
    {
        app.MapFallback("{**path}", () => TypedResults.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
