using Xinke.Data;
using Xinke.Kernel.Audit;

namespace Xinke.Kernel.Identity;

/// <summary>
/// A personal account (ACC-05: never shared). Lockout and the failure counters are columns,
/// changed with set-based updates, so several instances count the same failures.
/// </summary>
public sealed class Account
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;

    public long Id { get; set; }

    public required string UserName { get; set; }

    public required string NormalizedUserName { get; set; }

    public required string DisplayName { get; set; }

    public long? PersonId { get; set; }

    public AccountState State { get; set; }

    [Secret]

    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials or rights change; sessions issued before it end.</summary>
    [Secret]
    public string SecurityStamp { get; set; } = string.Empty;

    public bool MustChangePassword { get; set; }

    public DateTime? PasswordChangedAt { get; set; }

    /// <summary>Failures since the last lockout or success: five lock the account.</summary>
    public int FailedAttempts { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>Failures since the last successful login, shown at the next login.</summary>
    public int FailuresSinceLogin { get; set; }

    public DateTime? LastLoginAt { get; set; }

    public string? LastLoginAddress { get; set; }

    /// <summary>The name it was created with by the bootstrap; an account still using it was never renamed.</summary>
    public string? BootstrapName { get; set; }

    /// <summary>The authenticator seed: encrypted at rest, since whoever reads it can mint codes.</summary>
    [Sensitive(SensitiveKind.Secret)]
    public string? TotpSecret { get; set; }

    public DateTime? MfaEnrolledAt { get; set; }

    /// <summary>The last TOTP time step accepted, so an observed code cannot be replayed.</summary>
    public long TotpLastStep { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    public Error? Activate()
    {
        if (State != AccountState.Pending)
        {
            return Error.Conflict(IdentityErrors.NotPending);
        }

        State = AccountState.Active;
        return null;
    }

    /// <summary>Active and pending accounts can be disabled: a pending one of a person who left must never be activated by mistake.</summary>
    public Error? Disable()
    {
        if (State == AccountState.Disabled)
        {
            return Error.Conflict(IdentityErrors.NotActive);
        }

        State = AccountState.Disabled;
        return null;
    }

    public Error? Enable()
    {
        if (State != AccountState.Disabled)
        {
            return Error.Conflict(IdentityErrors.NotDisabled);
        }

        State = AccountState.Active;
        return null;
    }

    public void Unlock()
    {
        LockedUntil = null;
        FailedAttempts = 0;
    }
}
