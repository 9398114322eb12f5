using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed class TotpFactor(XinkeDb db, TotpCodes codes) : ISecondFactor
{
    public string Name => "password+totp";

    public bool IsEnrolled(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.MfaEnrolledAt is not null && account.TotpSecret is not null;
    }

    public bool IsPresented(LoginProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return !string.IsNullOrWhiteSpace(proof.Otp);
    }

    public async Task<bool> VerifyAsync(Account account, LoginProof proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(proof);
        if (codes.Match(account.TotpSecret!, proof.Otp) is not { } step)
        {
            return false;
        }

        // Moving the last accepted step forward in one statement makes a replayed code fail,
        // even when the replay reaches another instance at the same moment.
        var spent = await db.Set<Account>()
            .Where(a => a.Id == account.Id && a.TotpLastStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TotpLastStep, step), cancellationToken);
        return spent == 1;
    }
}
