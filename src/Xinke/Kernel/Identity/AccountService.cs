using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed record NewAccount(Account Account, string OneTimePassword);

/// <summary>
/// What the system administrator does to accounts, and what a person does to their own
/// password. Each use case is one transaction.
/// </summary>
public sealed partial class AccountService(
    XinkeDb db,
    UserManager<Account> users,
    PermissionCatalog catalog,
    TimeProvider clock,
    IOptions<IdentityPolicyOptions> options,
    IEnumerable<IPersonLookup> personLookups,
    IEnumerable<IAccountActivationGate> activationGates,
    ILogger<AccountService> logger)
{
    public static Error? CheckUserName(string? userName) =>
        userName is not null && UserNamePattern().IsMatch(userName) ? null : Error.Invalid(IdentityErrors.InvalidUserName, "userName");

    public static Error? CheckDisplayName(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) || displayName.Length > Account.DisplayNameMaxLength
            ? Error.Invalid(IdentityErrors.InvalidDisplayName, "displayName")
            : null;

    /// <summary>Creates an account with a one-time password; it is pending unless the bootstrap makes it active.</summary>
    public async Task<Result<NewAccount>> CreateAsync(string? userName, string? displayName, long? personId, AccountState state, CancellationToken cancellationToken, string? password = null)
    {
        if (CheckUserName(userName) is { } badName)
        {
            return badName;
        }

        if (CheckDisplayName(displayName) is { } badDisplay)
        {
            return badDisplay;
        }

        if (await users.FindByNameAsync(userName!) is not null)
        {
            return Error.Conflict(IdentityErrors.UserNameTaken);
        }

        if (personId is { } person && await PersonErrorAsync(person, cancellationToken) is { } badPerson)
        {
            return badPerson;
        }

        // A module creating an account inside its own use case (a granted permission request) joins its transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var oneTime = password ?? Secrets.OneTimePassword();
        var account = new Account
        {
            UserName = userName!,
            NormalizedUserName = users.NormalizeName(userName!)!,
            DisplayName = displayName!.Trim(),
            PersonId = personId,
            State = state,
            MustChangePassword = true,
            PasswordChangedAt = now,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(account, oneTime);
        if (!created.Succeeded)
        {
            return ToError(created, "password");
        }

        db.Add(new PasswordHistoryEntry { AccountId = account.Id, PasswordHash = account.PasswordHash!, ChangedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Account {AccountId} ({UserName}) created, {State}", account.Id, account.UserName, state);
        return new NewAccount(account, oneTime);
    }

    private async Task<Error?> PersonErrorAsync(long personId, CancellationToken cancellationToken)
    {
        foreach (var lookup in personLookups)
        {
            if (!await lookup.ExistsAsync(personId, cancellationToken))
            {
                return Error.Invalid(IdentityErrors.UnknownPerson, "personId");
            }
        }

        return await db.Set<Account>().AnyAsync(a => a.PersonId == personId, cancellationToken) ? Error.Conflict(IdentityErrors.PersonHasAccount, "ACC-05") : null;
    }

    /// <summary>Renames an account (the bootstrap administrators are meant to be); its history stays with it.</summary>
    public async Task<Error?> RenameAsync(long id, string? userName, CancellationToken cancellationToken)
    {
        if (CheckUserName(userName) is { } badName)
        {
            return badName;
        }

        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("request.not_found");
        }

        var normalized = users.NormalizeName(userName!)!;
        if (await db.Set<Account>().AnyAsync(a => a.NormalizedUserName == normalized && a.Id != id, cancellationToken))
        {
            return Error.Conflict(IdentityErrors.UserNameTaken);
        }

        var previous = account.UserName;
        account.UserName = userName!;
        account.NormalizedUserName = normalized;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} renamed from {Previous} to {UserName}", id, previous, account.UserName);
        return null;
    }

    /// <summary>Activates a pending account once every activation gate lets it through.</summary>
    public async Task<Error?> ActivateAsync(long id, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is { State: AccountState.Pending } && !await IsExemptFromGatesAsync(account, cancellationToken))
        {
            foreach (var gate in activationGates)
            {
                if (await gate.CheckAsync(account, cancellationToken) is { } refused)
                {
                    return refused;
                }
            }
        }

        return await ChangeAsync(id, a => a.Activate(), endSessions: false, cancellationToken);
    }

    /// <summary>
    /// The bootstrap administrators (and any account holding an administrator's powers) are not
    /// gated: they exist before any training or agreement can be recorded, and the people who
    /// record those need them first. Their accounts are few, named and audited (三员分立).
    /// </summary>
    private async Task<bool> IsExemptFromGatesAsync(Account account, CancellationToken cancellationToken)
    {
        if (account.BootstrapName is not null)
        {
            return true;
        }

        return (await DutiesOfAsync(account.Id, cancellationToken)).Count > 0;
    }

    public async Task<Error?> DisableAsync(long id, CancellationToken cancellationToken) =>
        await RefuseOtherAdministratorAsync(id, cancellationToken) ?? await ChangeAsync(id, a => a.Disable(), endSessions: true, cancellationToken);

    public Task<Error?> EnableAsync(long id, CancellationToken cancellationToken) => ChangeAsync(id, a => a.Enable(), endSessions: false, cancellationToken);

    public Task<Error?> UnlockAsync(long id, CancellationToken cancellationToken) => ChangeAsync(
        id,
        a =>
        {
            a.Unlock();
            return null;
        },
        endSessions: false,
        cancellationToken);

    /// <summary>Issues a new one-time password: the account must change it at its next log-in, and its sessions end.</summary>
    public async Task<Result<string>> ResetPasswordAsync(long id, CancellationToken cancellationToken)
    {
        if (await RefuseOtherAdministratorAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await IssuePasswordAsync(id, null, cancellationToken);
    }

    /// <summary>The server console's reset (<c>xinke bootstrap reset</c>), which may reach any account.</summary>
    public Task<Result<string>> ResetFromConsoleAsync(long id, string? password, CancellationToken cancellationToken) =>
        IssuePasswordAsync(id, password, cancellationToken);

    /// <summary>
    /// The system administrator may not reset or disable the security or audit administrator:
    /// a reset hands over their password, a disable silences them; either would let one act in
    /// the other's place. Those accounts are reset from the server console.
    /// </summary>
    private async Task<Error?> RefuseOtherAdministratorAsync(long id, CancellationToken cancellationToken)
    {
        var duties = await DutiesOfAsync(id, cancellationToken);
        return duties.Contains(AdminDuty.Security) || duties.Contains(AdminDuty.Audit)
            ? Error.Conflict(IdentityErrors.SeparationOfDuties, RoleService.SeparationRequirement)
            : null;
    }

    private async Task<IReadOnlySet<AdminDuty>> DutiesOfAsync(long accountId, CancellationToken cancellationToken)
    {
        var permissions = await db.Set<RoleAssignment>().Where(a => a.AccountId == accountId)
            .SelectMany(a => a.Role!.Permissions.Select(p => p.Permission))
            .ToListAsync(cancellationToken);
        return catalog.DutiesOf(permissions);
    }

    private async Task<Result<string>> IssuePasswordAsync(long id, string? password, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("request.not_found");
        }

        var oneTime = password ?? Secrets.OneTimePassword();
        var error = await SetPasswordAsync(account, oneTime, mustChange: true, keepSession: null, cancellationToken);
        return error is null ? oneTime : error;
    }

    /// <summary>A person changes their own password; their other sessions end, this one goes on.</summary>
    public async Task<Error?> ChangeOwnPasswordAsync(long id, string? currentPassword, string? newPassword, string? sessionKey, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("request.not_found");
        }

        if (string.IsNullOrEmpty(currentPassword) || !await users.CheckPasswordAsync(account, currentPassword))
        {
            return Error.Invalid(IdentityErrors.WrongPassword, "currentPassword");
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return Error.Invalid(IdentityErrors.PasswordReused, "newPassword");
        }

        return await SetPasswordAsync(account, newPassword ?? string.Empty, mustChange: false, sessionKey, cancellationToken);
    }

    private async Task<Error?> SetPasswordAsync(Account account, string password, bool mustChange, string? keepSession, CancellationToken cancellationToken)
    {
        var validation = await ValidateAsync(account, password);
        if (validation is not null)
        {
            return validation;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.MustChangePassword = mustChange;
        account.PasswordChangedAt = now;
        db.Add(new PasswordHistoryEntry { AccountId = account.Id, PasswordHash = account.PasswordHash, ChangedAt = now });
        await db.SaveChangesAsync(cancellationToken);

        var keep = options.Value.PasswordHistory;
        var kept = db.Set<PasswordHistoryEntry>().Where(e => e.AccountId == account.Id)
            .OrderByDescending(e => e.ChangedAt).ThenByDescending(e => e.Id).Take(Math.Max(keep, 1)).Select(e => e.Id);
        await db.Set<PasswordHistoryEntry>().Where(e => e.AccountId == account.Id && !kept.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        await EndSessionsAsync(account.Id, keepSession, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Password of account {AccountId} changed (must change at next log-in: {MustChange})", account.Id, mustChange);
        return null;
    }

    private async Task<Error?> ValidateAsync(Account account, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password);
            if (!result.Succeeded)
            {
                return ToError(result, "newPassword");
            }
        }

        return null;
    }

    private async Task<Error?> ChangeAsync(long id, Func<Account, Error?> change, bool endSessions, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("request.not_found");
        }

        if (change(account) is { } refused)
        {
            return refused;
        }

        // A module's use case (a person leaving) may disable the account inside its own transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        if (endSessions)
        {
            await EndSessionsAsync(id, keepSession: null, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Account {AccountId} is now {State} (locked until {LockedUntil})", id, account.State, account.LockedUntil);
        return null;
    }

    private async Task EndSessionsAsync(long accountId, string? keepSession, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = db.Set<LoginSession>().Where(s => s.AccountId == accountId && s.EndedAt == null);
        if (keepSession is not null)
        {
            var keep = Secrets.Hash(keepSession);
            sessions = sessions.Where(s => s.Key != keep);
        }

        await sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
    }

    private static Error ToError(IdentityResult result, string field)
    {
        var code = result.Errors.First().Code;
        return code.StartsWith("identity.", StringComparison.Ordinal) ? Error.Invalid(code, field) : Error.Invalid(IdentityErrors.InvalidUserName, "userName");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")]
    private static partial Regex UserNamePattern();
}
