namespace Xinke.Kernel.Identity;

/// <summary>
/// A precondition a module sets on activating an account (ACC-01: trained and bound by a
/// confidentiality agreement first). <see cref="AccountService.ActivateAsync"/> asks every
/// registered gate before a pending account becomes active; the first refusal stops it. A gate
/// may add its own record of the check to the unit of work: it is saved in the activation's
/// transaction, or not at all.
/// </summary>
public interface IAccountActivationGate
{
    /// <summary>Null when the account may be activated, else the error that refuses it.</summary>
    Task<Error?> CheckAsync(Account account, CancellationToken cancellationToken);
}
