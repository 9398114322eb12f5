using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

/// <summary>
/// The thin store behind ASP.NET Core Identity's <see cref="UserManager{TUser}"/>: names,
/// password hashes and security stamps on <see cref="Account"/>. Lockout, second factors and
/// roles are Xinke's own (set-based counters, scoped roles), so the stock EF stores and their
/// claim/login/token tables would only add tables nothing reads.
/// </summary>
public sealed class AccountStore(XinkeDb db) : IUserPasswordStore<Account>, IUserSecurityStampStore<Account>
{
    public Task<string> GetUserIdAsync(Account user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(Account user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? string.Empty;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(Account user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? string.Empty;
        return Task.CompletedTask;
    }

    public async Task<IdentityResult> CreateAsync(Account user, CancellationToken cancellationToken)
    {
        db.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(Account user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached)
        {
            db.Attach(user).State = EntityState.Modified;
        }

        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>Accounts are disabled, never deleted: the records they signed stay attributable.</summary>
    public Task<IdentityResult> DeleteAsync(Account user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are disabled, never deleted.");

    public Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? db.Set<Account>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            : Task.FromResult<Account?>(null);

    public Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        db.Set<Account>().SingleOrDefaultAsync(a => a.NormalizedUserName == normalizedUserName, cancellationToken);

    public Task SetPasswordHashAsync(Account user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(Account user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetSecurityStampAsync(Account user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(Account user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public void Dispose()
    {
    }
}
