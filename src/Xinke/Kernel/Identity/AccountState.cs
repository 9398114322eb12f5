namespace Xinke.Kernel.Identity;

/// <summary>An account is created pending and signs in only once it has been activated.</summary>
public enum AccountState
{
    Pending,
    Active,
    Disabled,
}
