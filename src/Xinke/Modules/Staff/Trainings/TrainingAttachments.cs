using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>Materials of a training session (slides, sign-in sheets): seen by training readers, added by training writers.</summary>
public sealed class TrainingAttachments(TrainingService trainings) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "training";

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(StaffPermissions.TrainingsRead) && await trainings.Sessions().AnyAsync(s => s.Id == ownerId, cancellationToken);
    }

    public Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(caller.Has(StaffPermissions.TrainingsWrite));
    }
}
