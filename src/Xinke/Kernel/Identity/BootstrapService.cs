using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed record BootstrapCredential(string UserName, string Password);

/// <summary>
/// The first start: the three separated administrators, active, each with a one-time password
/// (or <c>XINKE_BOOTSTRAP_PASSWORD</c>, for automation), each obliged to change it and to enrol
/// a second factor at the first log-in. The caller prints the passwords once; they are never logged.
/// </summary>
public sealed class BootstrapService(XinkeDb db, AccountService accounts, RoleService roles, MfaService mfa, IConfiguration configuration)
{
    public const string PasswordVariable = "XINKE_BOOTSTRAP_PASSWORD";

    public async Task<Result<IReadOnlyList<BootstrapCredential>>> RunAsync(CancellationToken cancellationToken)
    {
        await roles.SyncBuiltInAsync(cancellationToken);
        if (await db.Set<Account>().AnyAsync(cancellationToken))
        {
            return Result<IReadOnlyList<BootstrapCredential>>.Success([]);
        }

        var fixedPassword = FixedPassword();
        var issued = new List<BootstrapCredential>();
        foreach (var name in BuiltInRoles.Administrators)
        {
            var created = await accounts.CreateAsync(name, name, null, AccountState.Active, cancellationToken, fixedPassword);
            if (!created.Succeeded)
            {
                return created.Error!;
            }

            var account = created.Value!.Account;
            account.BootstrapName = name;
            var roleId = await db.Set<Role>().Where(r => r.Name == name).Select(r => r.Id).SingleAsync(cancellationToken);
            db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId });
            await db.SaveChangesAsync(cancellationToken);
            issued.Add(new BootstrapCredential(name, created.Value.OneTimePassword));
        }

        return issued;
    }

    /// <summary>
    /// From the server console: a new one-time password, the lockout lifted and the second factor
    /// forgotten (the console is the way back for an administrator who lost the authenticator).
    /// </summary>
    public async Task<Result<string>> ResetAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var account = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("request.not_found");
        }

        var reset = await accounts.ResetFromConsoleAsync(account.Id, FixedPassword(), cancellationToken);
        if (!reset.Succeeded)
        {
            return reset;
        }

        await accounts.UnlockAsync(account.Id, cancellationToken);
        await mfa.ResetAsync(account.Id, cancellationToken);
        return reset;
    }

    private string? FixedPassword() => configuration[PasswordVariable] is { Length: > 0 } password ? password : null;
}
