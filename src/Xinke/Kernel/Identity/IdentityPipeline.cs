using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

/// <summary>The identity rules that run between authentication and authorization.</summary>
public static class IdentityPipeline
{
    public const string RequestedWithHeader = "X-Requested-With";
    public const string RequestedWithValue = "XMLHttpRequest";

    public static IApplicationBuilder UseXinkeIdentity(this IApplicationBuilder app)
    {
        app.Use(RefuseCrossSiteWritesAsync);
        app.Use(GateUnfinishedSetupAsync);
        return app;
    }

    /// <summary>
    /// A cookie travels with any request the browser makes; a write to the API made with it must
    /// prove it comes from Xinke's own pages: a header no form can set and a same-origin Origin.
    /// The log-in call itself is held to the same rule (log-in forgery). Tokens need neither.
    /// </summary>
    private static async Task RefuseCrossSiteWritesAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (ApiPaths.IsApi(request)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && (request.Cookies.ContainsKey(IdentityServices.CookieName) || request.Path.StartsWithSegments(SessionApi.Path, StringComparison.OrdinalIgnoreCase))
            && !IsSameSite(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status403Forbidden, IdentityErrors.CrossSite)).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsSameSite(HttpRequest request) =>
        string.Equals(request.Headers[RequestedWithHeader], RequestedWithValue, StringComparison.Ordinal)
        && request.Headers.Origin.Count == 1
        && string.Equals(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A session that owes a password change or an MFA enrolment reaches only the steps that
    /// settle them; a personal access token never reaches the endpoints reserved to sessions.
    /// </summary>
    private static async Task GateUnfinishedSetupAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        var caller = await context.RequestServices.GetRequiredService<CurrentCaller>().GetAsync(context.RequestAborted);
        if (caller is null)
        {
            // Signed in moments ago, but the account is gone or no longer active.
            await context.ChallengeAsync();
            return;
        }

        if (caller.ViaToken && endpoint.Metadata.GetMetadata<RequireSessionAttribute>() is not null)
        {
            await RefuseAsync(context, "request.forbidden", "/");
            return;
        }

        if (!caller.ViaToken && caller.SetupRequired && endpoint.Metadata.GetMetadata<AllowDuringSetupAttribute>() is null)
        {
            await RefuseAsync(context, IdentityErrors.SetupRequired, caller.MustChangePassword ? "/account/password" : "/account/mfa");
            return;
        }

        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context, string code, string page)
    {
        if (ApiPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await TypedResults.Problem(ApiProblems.Create(context, StatusCodes.Status403Forbidden, code)).ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(page);
    }
}
