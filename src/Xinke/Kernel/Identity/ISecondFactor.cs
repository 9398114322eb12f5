namespace Xinke.Kernel.Identity;

/// <summary>
/// A second authentication factor. The log-in flow asks each registered factor whether the
/// account uses it and whether the attempt presents it; a new factor (a client certificate
/// forwarded by the hospital's TLS gateway) is a new implementation, not a change to the flow.
/// </summary>
public interface ISecondFactor
{
    /// <summary>Recorded on the login session as the factor used.</summary>
    string Name { get; }

    bool IsEnrolled(Account account);

    bool IsPresented(LoginProof proof);

    /// <summary>Checks the proof and spends it, so the same proof cannot be used twice.</summary>
    Task<bool> VerifyAsync(Account account, LoginProof proof, CancellationToken cancellationToken);
}

/// <summary>What a log-in attempt presents beyond the password.</summary>
public sealed record LoginProof(string? Otp, string? RecoveryCode, HttpContext? Http);
