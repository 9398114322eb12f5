using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed record TotpEnrolment(string Secret, string OtpauthUri);

/// <summary>TOTP enrolment: a new secret, then a first code that proves the app holds it, then recovery codes.</summary>
public sealed class MfaService(XinkeDb db, TotpCodes codes, TimeProvider clock, ILogger<MfaService> logger)
{
    public const string Issuer = "Xinke";

    /// <summary>A new secret; the enrolment page keeps showing a pending one, so a reload does not void a scanned code.</summary>
    public async Task<Result<TotpEnrolment>> StartTotpAsync(long accountId, CancellationToken cancellationToken, bool keepPending = false)
    {
        var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId, cancellationToken);
        if (account.MfaEnrolledAt is not null)
        {
            return Error.Conflict(IdentityErrors.MfaAlreadyEnrolled);
        }

        if (!keepPending || account.TotpSecret is null)
        {
            account.TotpSecret = TotpCodes.NewSecret();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new TotpEnrolment(account.TotpSecret, TotpCodes.UriOf(Issuer, account.UserName, account.TotpSecret));
    }

    /// <summary>Completes the enrolment with a code from the app; returns the recovery codes, shown this once.</summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmTotpAsync(long accountId, string? code, CancellationToken cancellationToken)
    {
        var account = await db.Set<Account>().SingleAsync(a => a.Id == accountId, cancellationToken);
        if (account.MfaEnrolledAt is not null)
        {
            return Error.Conflict(IdentityErrors.MfaAlreadyEnrolled);
        }

        if (account.TotpSecret is null)
        {
            return Error.Conflict(IdentityErrors.MfaNotStarted);
        }

        if (codes.Match(account.TotpSecret, code) is not { } step)
        {
            return Error.Invalid(IdentityErrors.InvalidOtp, "code");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        account.MfaEnrolledAt = clock.GetUtcNow().UtcDateTime;
        account.TotpLastStep = step;
        await db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        var recovery = Enumerable.Range(0, RecoveryCodeFactor.Count).Select(_ => RecoveryCodeFactor.NewCode()).ToList();
        db.AddRange(recovery.Select(c => new RecoveryCode { AccountId = accountId, CodeHash = RecoveryCodeFactor.HashOf(c) }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {AccountId} enrolled TOTP", accountId);
        return recovery;
    }

    /// <summary>Forgets the second factor (server console only), so the person enrols again.</summary>
    public async Task ResetAsync(long accountId, CancellationToken cancellationToken)
    {
        await db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Account>().Where(a => a.Id == accountId).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.TotpSecret, (string?)null).SetProperty(a => a.MfaEnrolledAt, (DateTime?)null),
            cancellationToken);
    }
}
