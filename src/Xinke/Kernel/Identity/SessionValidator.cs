using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

/// <summary>
/// Decides at each request whether the session behind a cookie still lives (GB/T 22239
/// 8.1.4.1 b): not signed out, not idle too long, not older than the absolute limit, its account
/// still active. The state is in the database, so any instance decides alike.
/// </summary>
public sealed class SessionValidator(XinkeDb db, CurrentCaller current, TimeProvider clock, IOptions<IdentityPolicyOptions> options)
{
    /// <summary>Last-seen times are written at most this often: idle time is measured to the minute.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public static Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.HttpContext.RequestAborted;
        if (!await IsAliveAsync(context.Principal?.FindFirst(CurrentCaller.SessionClaim)?.Value, context.Principal?.FindFirst(CurrentCaller.AccountClaim)?.Value, cancellationToken))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <remarks>
    /// The session's account comes in the session's statement, and the caller built from it is
    /// handed to <see cref="CurrentCaller"/>: two statements where the request made three.
    /// </remarks>
    private async Task<bool> IsAliveAsync(string? key, string? accountClaim, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return false;
        }

        var hash = Secrets.Hash(key);
        var session = await db.Set<LoginSession>().AsNoTracking()
            .Where(s => s.Key == hash)
            .Join(db.Set<Account>().AsNoTracking(), s => s.AccountId, a => a.Id, (s, a) => new
            {
                s.Id,
                s.CreatedAt,
                s.LastSeenAt,
                s.EndedAt,
                Account = a,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }

        var rules = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (session.Account.State != AccountState.Active || now - session.LastSeenAt >= rules.IdleTimeout || now - session.CreatedAt >= rules.AbsoluteTimeout)
        {
            await db.Set<LoginSession>().Where(s => s.Id == session.Id && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
            return false;
        }

        if (now - session.LastSeenAt >= TouchInterval)
        {
            await db.Set<LoginSession>().Where(s => s.Id == session.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }

        if (long.TryParse(accountClaim, out var accountId) && accountId == session.Account.Id)
        {
            var assignments = await current.AssignmentsAsync(accountId, cancellationToken);
            current.UseFromSession(accountId, current.Build(session.Account, assignments, tokenId: null, tokenPermissions: null));
        }

        return true;
    }
}
