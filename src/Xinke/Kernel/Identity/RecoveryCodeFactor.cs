using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Identity;

public sealed class RecoveryCodeFactor(XinkeDb db, TimeProvider clock) : ISecondFactor
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public string Name => "password+recovery-code";

    public static string NewCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    public static string HashOf(string code) => Secrets.Hash(code.Trim().ToLowerInvariant());

    public bool IsEnrolled(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.MfaEnrolledAt is not null;
    }

    public bool IsPresented(LoginProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return !string.IsNullOrWhiteSpace(proof.RecoveryCode);
    }

    public async Task<bool> VerifyAsync(Account account, LoginProof proof, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(proof);
        var hash = HashOf(proof.RecoveryCode!);
        var now = clock.GetUtcNow().UtcDateTime;
        var spent = await db.Set<RecoveryCode>()
            .Where(c => c.AccountId == account.Id && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return spent == 1;
    }
}
