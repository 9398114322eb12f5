using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>Whether trainings or agreements hold records, so the demo is never mixed with a real hospital's.</summary>
public sealed class StaffBusinessRecords(XinkeDb db) : IBusinessRecords
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await db.Set<TrainingSession>().AnyAsync(cancellationToken) || await db.Set<AgreementVersion>().AnyAsync(cancellationToken);
}
