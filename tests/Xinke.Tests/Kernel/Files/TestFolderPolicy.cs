using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Kernel.Files;

/// <summary>
/// A test-only owner type: a personal folder whose id is its owner's account id. The owner
/// reads and attaches; holders of <c>users.read</c> read; nobody else even sees it.
/// </summary>
public sealed class TestFolderPolicy : IAttachmentOwnerPolicy
{
    public const string Type = "test-folder";

    public string OwnerType => Type;

    public Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(caller.Id == ownerId || caller.Has(KernelPermissions.UsersRead));

    public Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        Task.FromResult(caller.Id == ownerId);
}
