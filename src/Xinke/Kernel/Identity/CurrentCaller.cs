using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

/// <summary>Loads the <see cref="Caller"/> of the request once, from the principal the authentication handlers built.</summary>
public sealed class CurrentCaller(IHttpContextAccessor accessor, XinkeDb db, TimeProvider clock, IOptions<IdentityPolicyOptions> options)
{
    public const string AccountClaim = "xinke:account";
    public const string SessionClaim = "xinke:session";
    public const string TokenClaim = "xinke:token";

    private Caller? caller;
    private bool loaded;

    public async Task<Caller?> GetAsync(CancellationToken cancellationToken)
    {
        if (loaded)
        {
            return caller;
        }

        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated == true && long.TryParse(principal.FindFirstValue(AccountClaim), out var accountId))
        {
            var tokenId = long.TryParse(principal.FindFirstValue(TokenClaim), out var t) ? t : (long?)null;
            caller = await LoadAsync(accountId, tokenId, cancellationToken);
        }

        loaded = true;
        return caller;
    }

    /// <summary>Forgets what was loaded, after the request itself changed the caller's password or second factor.</summary>
    public void Reset()
    {
        loaded = false;
        caller = null;
    }

    /// <summary>
    /// The last log-in to show and the failures since: in a session, the log-in before it and the
    /// failures before it; for a token, the account's latest.
    /// </summary>
    public async Task<(LastLoginDto? LastLogin, int FailuresSince)> LastLoginAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (accessor.HttpContext?.User.FindFirst(SessionClaim)?.Value is { } key)
        {
            var hash = Secrets.Hash(key);
            var session = await db.Set<LoginSession>().AsNoTracking().SingleAsync(s => s.Key == hash, cancellationToken);
            return (session.PreviousLoginAt is { } previous ? new LastLoginDto(previous, session.PreviousLoginAddress) : null, session.FailuresBefore);
        }

        var account = caller.Account;
        return (account.LastLoginAt is { } at ? new LastLoginDto(at, account.LastLoginAddress) : null, account.FailuresSinceLogin);
    }

    public async Task<Caller?> LoadAsync(long accountId, long? tokenId, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null || account.State != AccountState.Active)
        {
            return null;
        }

        var assignments = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.AccountId == accountId)
            .Select(a => new { a.DepartmentId, a.Role!.Name, a.Role.RequiresMfa, Permissions = a.Role.Permissions.Select(p => p.Permission).ToList() })
            .ToListAsync(cancellationToken);

        var grants = new Dictionary<string, List<long?>>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            foreach (var permission in assignment.Permissions)
            {
                if (!grants.TryGetValue(permission, out var departments))
                {
                    grants[permission] = departments = [];
                }

                departments.Add(assignment.DepartmentId);
            }
        }

        if (tokenId is not null)
        {
            var allowed = await db.Set<AccessToken>().AsNoTracking()
                .Where(t => t.Id == tokenId && t.AccountId == accountId)
                .Select(t => t.Permissions)
                .SingleOrDefaultAsync(cancellationToken);
            if (allowed is null)
            {
                return null;
            }

            // The token's permissions are a ceiling: the owner's current rights cut them down.
            foreach (var permission in grants.Keys.Except(allowed, StringComparer.Ordinal).ToList())
            {
                grants.Remove(permission);
            }
        }

        var rules = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var passwordExpired = account.PasswordChangedAt is not { } changed || changed + rules.PasswordMaxAge <= now;
        var mfaNeeded = rules.RequireMfaForEveryone || assignments.Any(a => a.RequiresMfa);
        return new Caller(
            account,
            grants.ToDictionary(g => g.Key, g => (IReadOnlyList<long?>)g.Value, StringComparer.Ordinal),
            tokenId,
            account.MustChangePassword || passwordExpired,
            mfaNeeded && account.MfaEnrolledAt is null,
            [.. assignments.Select(a => new CallerRole(a.Name, a.DepartmentId))]);
    }
}
