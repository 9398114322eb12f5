namespace Xinke.Kernel.Identity;

/// <summary>
/// Lets the identity kernel check the person an account is created for, without knowing the
/// module that keeps the people register. Without one registered, any person id is taken as given.
/// </summary>
public interface IPersonLookup
{
    Task<bool> ExistsAsync(long personId, CancellationToken cancellationToken);
}
