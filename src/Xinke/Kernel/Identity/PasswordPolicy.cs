using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

/// <summary>
/// The password rules of GB/T 22239 8.1.4.1 a as configured: length, a mix of character classes,
/// not the user name, none of the last passwords. Each broken rule is its own code.
/// </summary>
public sealed class PasswordPolicy(XinkeDb db, IPasswordHasher<Account> hasher, IOptions<IdentityPolicyOptions> options) : IPasswordValidator<Account>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var rules = options.Value;
        password ??= string.Empty;
        if (password.Length < rules.PasswordMinLength)
        {
            return Failed(IdentityErrors.PasswordTooShort);
        }

        if (ClassesIn(password) < rules.PasswordMinClasses)
        {
            return Failed(IdentityErrors.PasswordTooSimple);
        }

        if (!string.IsNullOrEmpty(user.UserName) && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Failed(IdentityErrors.PasswordContainsUserName);
        }

        if (rules.PasswordHistory > 0 && user.Id != 0)
        {
            var recent = await db.Set<PasswordHistoryEntry>().AsNoTracking()
                .Where(e => e.AccountId == user.Id)
                .OrderByDescending(e => e.ChangedAt).ThenByDescending(e => e.Id)
                .Take(rules.PasswordHistory)
                .Select(e => e.PasswordHash)
                .ToListAsync();
            if (recent.Any(hash => hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed))
            {
                return Failed(IdentityErrors.PasswordReused);
            }
        }

        return IdentityResult.Success;
    }

    public static int ClassesIn(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var classes = 0;
        classes += password.Any(char.IsLower) ? 1 : 0;
        classes += password.Any(char.IsUpper) ? 1 : 0;
        classes += password.Any(char.IsDigit) ? 1 : 0;
        classes += password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0;
        return classes;
    }

    private static IdentityResult Failed(string code) => IdentityResult.Failed(new IdentityError { Code = code, Description = code });
}
