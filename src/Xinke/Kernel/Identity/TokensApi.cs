using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

/// <summary>A person's own personal access tokens; managed from a session only.</summary>
public static class TokensApi
{
    public static WebApplication MapTokensApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tokens = app.MapGroup("/api/v1/me/tokens").WithTags("Identity").RequireAuthorization().RequireSession();
        tokens.MapGet("/", ListAsync).WithName("ListMyTokens").WithSummary("My personal access tokens (never their secrets).");
        tokens.MapPost("/", CreateAsync).WithName("CreateToken").WithSummary("Create a token; its secret is shown this once.");
        tokens.MapDelete("/{id:long}", RevokeAsync).WithName("RevokeToken").WithSummary("Revoke a token.");
        return app;
    }

    private static async Task<Ok<List<TokenDto>>> ListAsync(CurrentCaller current, TokenService tokens, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        return TypedResults.Ok((await tokens.ListAsync(caller.Id, cancellationToken)).Select(TokenDto.From).ToList());
    }

    private static async Task<Results<Created<NewTokenDto>, ProblemHttpResult>> CreateAsync(TokenInput input, CurrentCaller current, TokenService tokens, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var created = await tokens.CreateAsync(caller, input.Name, input.ExpiresAt, input.Permissions, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var token = created.Value!.Token;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/me/tokens/{token.Id}", new NewTokenDto(token.Id, created.Value.Secret, token.Name, token.Permissions, token.ExpiresAt));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(long id, CurrentCaller current, TokenService tokens, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        return await tokens.RevokeAsync(caller.Id, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
