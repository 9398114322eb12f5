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
    private (long AccountId, Caller? Caller)? fromSession;

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
            caller = tokenId is null && fromSession is { } session && session.AccountId == accountId
                ? session.Caller
                : await LoadAsync(accountId, tokenId, cancellationToken);
        }

        loaded = true;
        return caller;
    }

    /// <summary>Forgets what was loaded, after the request itself changed the caller's password or second factor.</summary>
    public void Reset()
    {
        loaded = false;
        caller = null;
        fromSession = null;
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

        IReadOnlyCollection<string>? allowed = null;
        if (tokenId is not null)
        {
            allowed = await db.Set<AccessToken>().AsNoTracking()
                .Where(t => t.Id == tokenId && t.AccountId == accountId)
                .Select(t => t.Permissions)
                .SingleOrDefaultAsync(cancellationToken);
            if (allowed is null)
            {
                return null;
            }
        }

        return Build(account, await AssignmentsAsync(accountId, cancellationToken), tokenId, allowed);
    }

    /// <summary>
    /// An account's role assignments with their roles' permissions, in one statement of plain joins
    /// (loaded beside the account as a nested collection, SQLite built every role's permissions
    /// into a temporary table at each request).
    /// </summary>
    public async Task<IReadOnlyList<CallerAssignment>> AssignmentsAsync(long accountId, CancellationToken cancellationToken) =>
        await db.Set<RoleAssignment>().AsNoTracking()
            .Where(r => r.AccountId == accountId)
            .Select(r => new CallerAssignment { DepartmentId = r.DepartmentId, Role = r.Role!.Name, RequiresMfa = r.Role.RequiresMfa, Permissions = r.Role.Permissions.Select(p => p.Permission).ToList() })
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Keeps the caller that the session check loaded with the session's account, so the request
    /// does not ask again; it is used only when the request is authenticated as that account by
    /// its session (not by a token).
    /// </summary>
    public void UseFromSession(long accountId, Caller? sessionCaller) => fromSession = (accountId, sessionCaller);

    /// <summary>
    /// The caller of an active account from its assignments; <paramref name="tokenPermissions"/>
    /// is the ceiling of the token the request came with, if any.
    /// </summary>
    public Caller? Build(Account account, IReadOnlyList<CallerAssignment> assignments, long? tokenId, IReadOnlyCollection<string>? tokenPermissions)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(assignments);
        if (account.State != AccountState.Active)
        {
            return null;
        }

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

        if (tokenPermissions is not null)
        {
            // The token's permissions are a ceiling: the owner's current rights cut them down.
            foreach (var permission in grants.Keys.Except(tokenPermissions, StringComparer.Ordinal).ToList())
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
            [.. assignments.Select(a => new CallerRole(a.Role, a.DepartmentId))]);
    }
}
