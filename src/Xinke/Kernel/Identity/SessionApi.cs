using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

/// <summary>Log-in, log-out and what a person does to their own account.</summary>
public static class SessionApi
{
    public const string Path = "/api/v1/session";

    public static WebApplication MapSessionApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var session = app.MapGroup(Path).WithTags("Identity");
        session.MapPost("/", LoginAsync).AllowAnonymous().WithName("Login").WithSummary("Sign in with a password and, when enrolled, a second factor.");
        session.MapDelete("/", LogoutAsync).RequireAuthorization().AllowDuringSetup().RequireSession().WithName("Logout").WithSummary("Sign out.");

        var me = app.MapGroup("/api/v1/me").WithTags("Identity").RequireAuthorization();
        me.MapGet("/", MeAsync).AllowDuringSetup().WithName("GetMe").WithSummary("Who I am, what I may do, my last log-in.");
        me.MapPost("/password", ChangePasswordAsync).AllowDuringSetup().RequireSession().WithName("ChangeMyPassword").WithSummary("Change my password.");
        me.MapPost("/mfa/totp", StartTotpAsync).AllowDuringSetup().RequireSession().WithName("StartTotp").WithSummary("Start enrolling an authenticator app.");
        me.MapPost("/mfa/totp/confirm", ConfirmTotpAsync).AllowDuringSetup().RequireSession().WithName("ConfirmTotp").WithSummary("Finish the enrolment with a first code; returns recovery codes.");
        return app;
    }

    public static string AddressOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> LoginAsync(LoginInput input, LoginService login, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await login.LoginAsync(input, AddressOf(http), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Error!.Kind == ErrorKind.TooManyRequests)
            {
                http.Response.Headers.RetryAfter = outcome.Error.Arguments[0].ToString();
            }

            return ApiProblems.From(http, outcome.Error);
        }

        var success = outcome.Value!;
        await LoginService.SignInAsync(http, success);
        var caller = await current.LoadAsync(success.Account.Id, null, cancellationToken);
        return TypedResults.Ok(new SessionDto(
            new UserRef(success.Account.Id, success.Account.UserName, success.Account.DisplayName),
            caller!.MustChangePassword,
            caller.MustEnrollMfa));
    }

    private static async Task<NoContent> LogoutAsync(LoginService login, HttpContext http, CancellationToken cancellationToken)
    {
        await login.SignOutAsync(http, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> MeAsync(CurrentCaller current, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return TypedResults.Unauthorized();
        }

        var account = caller.Account;
        var (lastLogin, failures) = await current.LastLoginAsync(caller, cancellationToken);
        return TypedResults.Ok(new MeDto(
            account.Id,
            account.UserName,
            account.DisplayName,
            [.. caller.Roles.Select(r => new RoleRefDto(r.Role, r.DepartmentId))],
            [.. caller.Permissions.Order(StringComparer.Ordinal)],
            caller.MustChangePassword,
            caller.MustEnrollMfa,
            lastLogin,
            failures));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChangeInput input, CurrentCaller current, AccountService accounts, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var error = await accounts.ChangeOwnPasswordAsync(caller.Id, input.CurrentPassword, input.NewPassword, http.User.FindFirst(CurrentCaller.SessionClaim)?.Value, cancellationToken);
        return error is null ? TypedResults.NoContent() : ApiProblems.From(http, error);
    }

    private static async Task<Results<Ok<TotpEnrolment>, ProblemHttpResult>> StartTotpAsync(CurrentCaller current, MfaService mfa, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var started = await mfa.StartTotpAsync(caller.Id, cancellationToken);
        return started.Succeeded ? TypedResults.Ok(started.Value) : ApiProblems.From(http, started.Error!);
    }

    private static async Task<Results<Ok<RecoveryCodesDto>, ProblemHttpResult>> ConfirmTotpAsync(TotpConfirmInput input, CurrentCaller current, MfaService mfa, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var confirmed = await mfa.ConfirmTotpAsync(caller.Id, input.Code, cancellationToken);
        return confirmed.Succeeded ? TypedResults.Ok(new RecoveryCodesDto(confirmed.Value!)) : ApiProblems.From(http, confirmed.Error!);
    }
}
