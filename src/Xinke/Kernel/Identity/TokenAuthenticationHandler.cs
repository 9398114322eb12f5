using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>
/// <c>Authorization: Bearer xk_…</c>: finds the token by the hash of its secret, refuses it when
/// revoked, expired or its owner is no longer active, and records its last use.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    XinkeDb db,
    AuditLog audit,
    ActorAccessor actors) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "token";
    public const string Prefix = "xk_";

    /// <summary>A token's use is a security event, recorded at most this often so that an integration's polling does not flood the chain.</summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var hash = Secrets.Hash(secret);
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var token = await db.Set<AccessToken>().AsNoTracking()
            .Where(t => t.SecretHash == hash && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.AccountId, t.LastUsedAt, Owner = db.Set<Account>().Where(a => a.Id == t.AccountId).Select(a => new { a.UserName, a.State }).Single() })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null || token.Owner.State != AccountState.Active)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        await db.Set<AccessToken>().Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        if (token.LastUsedAt is not { } lastUsed || now - lastUsed >= UseRecordedEvery)
        {
            var actor = actors.Current with { Id = token.AccountId, Name = token.Owner.UserName };
            await audit.RecordAsync(
                new PendingEvent(actor, "token_used", AuditOutcome.Success, nameof(AccessToken), token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(CurrentCaller.AccountClaim, token.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, token.Owner.UserName),
                new Claim(CurrentCaller.TokenClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
