using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Policy;

/// <summary>
/// The daily safety net of ACC-04: accounts without a log-in for the configured days (counted
/// from creation when never used; administrators excepted) and accounts of people who have left
/// are flagged and, where the policy says so, disabled — each disable audited with its reason and
/// told to the security administrator.
/// </summary>
public sealed class AccountPolicy(
    XinkeDb db,
    TimeProvider clock,
    PeopleDirectory people,
    PermissionCatalog catalog,
    AccountService accounts,
    AuditLog audit,
    Notifier notifier,
    IOptions<AccessOptions> options)
{
    public const string DisabledKind = "access.account_disabled";
    public const string DisabledAction = "access.account_disabled";

    /// <summary>One run; returns how many accounts it disabled. Running it again changes nothing more.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var rules = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now.AddDays(-rules.InactiveDays);
        var administrators = await AdministratorsAsync(cancellationToken);
        var idle = await db.Set<Account>().AsNoTracking()
            .Where(a => a.State == AccountState.Active && (a.LastLoginAt ?? a.CreatedAt) <= idleSince && !administrators.Contains(a.Id))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var leavers = (await people.LeaversWithLiveAccountsAsync(cancellationToken)).Select(p => p.AccountId!.Value).ToList();
        var disabled = 0;
        foreach (var (accountId, reason, disable) in leavers.Select(id => (id, FlagReason.Left, rules.DisableLeavers))
                     .Concat(idle.Except(leavers).Select(id => (id, FlagReason.Inactive, rules.DisableInactive))))
        {
            disabled += await FlagAsync(accountId, reason, disable, now, cancellationToken) ? 1 : 0;
        }

        return disabled;
    }

    /// <summary>Flags the account once per finding, and disables it when the policy says so; true when disabled.</summary>
    private async Task<bool> FlagAsync(long accountId, FlagReason reason, bool disable, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Set<Account>().AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var flag = await db.Set<AccountFlag>().Where(f => f.AccountId == accountId && f.Reason == reason && f.DisabledAt == null)
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        if (flag is null || (reason == FlagReason.Inactive && flag.FlaggedAt < (account.LastLoginAt ?? DateTime.MinValue)))
        {
            flag = new AccountFlag { AccountId = accountId, Reason = reason, FlaggedAt = now };
            db.Add(flag);
        }

        var disabled = false;
        if (disable && account.State == AccountState.Active)
        {
            var refused = await accounts.DisableAsync(accountId, cancellationToken);
            if (refused is null)
            {
                flag.DisabledAt = now;
                flag.Note = null;
                disabled = true;
            }
            else
            {
                flag.Note = refused.Code;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (disabled)
        {
            var why = reason == FlagReason.Left ? "left" : string.Create(CultureInfo.InvariantCulture, $"inactive {options.Value.InactiveDays}d");
            await audit.RecordAsync(DisabledAction, AuditOutcome.Success, cancellationToken, nameof(Account), accountId.ToString(CultureInfo.InvariantCulture), $"{account.UserName}: {why}", AccessErrors.Reviewing);
            var message = new NotificationMessage(DisabledKind, notifier.Text($"notice.access.disabled_{reason.ToString().ToLowerInvariant()}", account.UserName, account.DisplayName), null, "/access/flags");
            await notifier.NotifyAsync(message, await SecurityAdministratorsAsync(cancellationToken), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return disabled;
    }

    /// <summary>Accounts holding any power of the three administrators: never disabled for idleness (the kernel guards the security and audit administrators anyway).</summary>
    private async Task<List<long>> AdministratorsAsync(CancellationToken cancellationToken)
    {
        var powers = catalog.All.Where(p => p.Duty != AdminDuty.None).Select(p => p.Name).ToList();
        return await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.Role!.Permissions.Any(p => powers.Contains(p.Permission)))
            .Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);
    }

    private async Task<List<long>> SecurityAdministratorsAsync(CancellationToken cancellationToken)
    {
        var powers = catalog.All.Where(p => p.Duty == AdminDuty.Security).Select(p => p.Name).ToList();
        return await db.Set<RoleAssignment>().AsNoTracking()
            .Where(a => a.Role!.Permissions.Any(p => powers.Contains(p.Permission)))
            .Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);
    }
}
