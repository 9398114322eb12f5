using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

public sealed record LoginInput(string? UserName, string? Password, string? Otp = null, string? RecoveryCode = null);

public sealed record LoginSuccess(Account Account, string SessionKey, string Factor);

/// <summary>
/// Log-in and log-out (GB/T 22239 8.1.4.1 a, b, d): password, then the second factor the account
/// is enrolled in, failure counting and lockout in the database, the login record with the
/// factor used, and the session the cookie points at.
/// </summary>
public sealed class LoginService(
    XinkeDb db,
    UserManager<Account> users,
    IEnumerable<ISecondFactor> factors,
    LoginThrottle throttle,
    AuditLog audit,
    ActorAccessor actors,
    TimeProvider clock,
    IOptions<IdentityPolicyOptions> options,
    ILogger<LoginService> logger)
{
    public const string PasswordFactor = "password";

    /// <summary>Hashed once so that an unknown user name costs as much time as a wrong password.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, Secrets.OneTimePassword()));

    public async Task<Result<LoginSuccess>> LoginAsync(LoginInput input, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await PasswordStepAsync(input, address, cancellationToken);
        await RecordAsync(outcome, null, input.UserName, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The second step of a log-in whose password was already accepted (the log-in page asks for
    /// the code on a page of its own): the same lockout, state and factor rules apply.
    /// </summary>
    public async Task<Result<LoginSuccess>> ContinueAsync(long accountId, LoginProof proof, string address, CancellationToken cancellationToken)
    {
        var outcome = await SecondStepAsync(accountId, proof, address, cancellationToken);
        await RecordAsync(outcome, accountId, null, cancellationToken);
        return outcome;
    }

    private async Task<Result<LoginSuccess>> PasswordStepAsync(LoginInput input, string address, CancellationToken cancellationToken)
    {
        var userName = input.UserName?.Trim() ?? string.Empty;
        var normalized = users.NormalizeName(userName) ?? string.Empty;
        if (throttle.TryAttempt(normalized, address) is { } wait)
        {
            logger.LogWarning("Log-in attempts over the limit from {Address}", address);
            return new Error(IdentityErrors.TooManyAttempts, ErrorKind.TooManyRequests, null, null, (int)Math.Ceiling(wait.TotalSeconds));
        }

        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(input.Password) || userName.Length > Account.UserNameMaxLength)
        {
            return Error.Unauthenticated(IdentityErrors.InvalidCredentials);
        }

        var account = await users.FindByNameAsync(userName);
        if (account is null)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DecoyHash.Value, input.Password);
            logger.LogInformation("Log-in refused from {Address}: unknown user", address);
            return Error.Unauthenticated(IdentityErrors.InvalidCredentials);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (account.IsLockedOut(now))
        {
            logger.LogInformation("Log-in refused for account {AccountId} from {Address}: locked out", account.Id, address);
            return Error.Unauthenticated(IdentityErrors.LockedOut);
        }

        if (!await users.CheckPasswordAsync(account, input.Password))
        {
            await RecordFailureAsync(account.Id, now, cancellationToken);
            logger.LogInformation("Log-in refused for account {AccountId} from {Address}: wrong password", account.Id, address);
            return Error.Unauthenticated(IdentityErrors.InvalidCredentials);
        }

        if (account.State != AccountState.Active)
        {
            logger.LogInformation("Log-in refused for account {AccountId}: account is {State}", account.Id, account.State);
            return Error.Forbidden(IdentityErrors.NotActive);
        }

        return await SecondFactorAsync(account, new LoginProof(input.Otp, input.RecoveryCode, null), address, now, cancellationToken);
    }

    private async Task<Result<LoginSuccess>> SecondStepAsync(long accountId, LoginProof proof, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return Error.Unauthenticated(IdentityErrors.InvalidCredentials);
        }

        if (throttle.TryAttempt(account.NormalizedUserName, address) is { } wait)
        {
            return new Error(IdentityErrors.TooManyAttempts, ErrorKind.TooManyRequests, null, null, (int)Math.Ceiling(wait.TotalSeconds));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (account.IsLockedOut(now))
        {
            return Error.Unauthenticated(IdentityErrors.LockedOut);
        }

        if (account.State != AccountState.Active)
        {
            return Error.Forbidden(IdentityErrors.NotActive);
        }

        return await SecondFactorAsync(account, proof, address, now, cancellationToken);
    }

    private async Task<Result<LoginSuccess>> SecondFactorAsync(Account account, LoginProof proof, string address, DateTime now, CancellationToken cancellationToken)
    {
        var factor = PasswordFactor;
        var enrolled = factors.Where(f => f.IsEnrolled(account)).ToList();
        if (enrolled.Count > 0)
        {
            var presented = enrolled.FirstOrDefault(f => f.IsPresented(proof));
            if (presented is null)
            {
                return Error.Unauthenticated(IdentityErrors.MfaRequired);
            }

            if (!await presented.VerifyAsync(account, proof, cancellationToken))
            {
                await RecordFailureAsync(account.Id, now, cancellationToken);
                logger.LogInformation("Log-in refused for account {AccountId} from {Address}: wrong second factor", account.Id, address);
                return Error.Unauthenticated(IdentityErrors.InvalidOtp);
            }

            factor = presented.Name;
        }

        var key = Secrets.Token(string.Empty);
        db.Add(new LoginSession
        {
            Key = Secrets.Hash(key),
            AccountId = account.Id,
            Factor = factor,
            Address = address,
            CreatedAt = now,
            LastSeenAt = now,
            PreviousLoginAt = account.LastLoginAt,
            PreviousLoginAddress = account.LastLoginAddress,
            FailuresBefore = account.FailuresSinceLogin,
        });
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.LastLoginAt, now)
                .SetProperty(a => a.LastLoginAddress, address)
                .SetProperty(a => a.FailuresSinceLogin, 0)
                .SetProperty(a => a.FailedAttempts, 0),
            cancellationToken);
        logger.LogInformation("Account {AccountId} signed in from {Address} with {Factor}", account.Id, address, factor);
        return new LoginSuccess(account, key, factor);
    }

    public static Task SignInAsync(HttpContext http, LoginSuccess success)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(success);
        var identity = new ClaimsIdentity(
            [
                new Claim(CurrentCaller.AccountClaim, success.Account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, success.Account.UserName),
                new Claim(CurrentCaller.SessionClaim, success.SessionKey),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.User.FindFirst(CurrentCaller.SessionClaim)?.Value is { } key)
        {
            var hash = Secrets.Hash(key);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Set<LoginSession>().Where(s => s.Key == hash && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
            await audit.RecordAsync("logout", AuditOutcome.Success, cancellationToken, nameof(Account), http.User.FindFirstValue(CurrentCaller.AccountClaim));
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Counts a failure with set-based updates, so failures reaching several instances at once
    /// are all counted; the statement that reaches the limit locks the account.
    /// </summary>
    private async Task RecordFailureAsync(long accountId, DateTime now, CancellationToken cancellationToken)
    {
        var rules = options.Value;
        await db.Set<Account>().Where(a => a.Id == accountId).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.FailedAttempts, a => a.FailedAttempts + 1)
                .SetProperty(a => a.FailuresSinceLogin, a => a.FailuresSinceLogin + 1),
            cancellationToken);
        var until = now + rules.Lockout;
        var locked = await db.Set<Account>().Where(a => a.Id == accountId && a.FailedAttempts >= rules.LockoutFailures).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.LockedUntil, until).SetProperty(a => a.FailedAttempts, 0),
            cancellationToken);
        if (locked > 0)
        {
            await audit.RecordAsync("locked_out", AuditOutcome.Refused, cancellationToken, nameof(Account), accountId.ToString(System.Globalization.CultureInfo.InvariantCulture), requirementIds: "ACC-06");
            logger.LogWarning("Account {AccountId} locked until {Until} after {Failures} failed log-ins", accountId, until, rules.LockoutFailures);
        }
    }

    /// <summary>
    /// Every log-in attempt is a security event (GB/T 22239 8.1.4.3): who tried, from where, and
    /// how it ended. The first step of a two-step log-in is not an outcome yet.
    /// </summary>
    private async Task RecordAsync(Result<LoginSuccess> outcome, long? accountId, string? userName, CancellationToken cancellationToken)
    {
        if (outcome.Error?.Code == IdentityErrors.MfaRequired)
        {
            return;
        }

        var account = outcome.Value?.Account;
        var id = account?.Id ?? accountId;
        var name = account?.UserName ?? userName?.Trim() ?? (accountId is { } known ? $"account:{known}" : "unknown");
        var actor = actors.Current with { Id = id, Name = name.Length > 100 ? name[..100] : name };
        await audit.RecordAsync(
            new PendingEvent(
                actor,
                outcome.Succeeded ? "login" : "login_failed",
                outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Refused,
                nameof(Account),
                id?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                outcome.Succeeded ? $$"""{"factor":"{{outcome.Value!.Factor}}"}""" : $$"""{"code":"{{outcome.Error!.Code}}"}"""),
            cancellationToken);
    }
}
