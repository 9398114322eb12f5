using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Systems;

/// <summary>On the home page of those who keep the register: in-service systems whose classified-protection assessment is overdue (SEC-01).</summary>
public sealed class SystemsHomeGaps(SystemRegister register) : IHomeGapSource
{
    public const string OverdueKey = "home.gap.systems_assessment_overdue";

    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(SystemsPermissions.Write))
        {
            return [];
        }

        var overdue = await register.All().CountAsync(SystemRegister.AssessmentOverdue(register.Today, register.Options), cancellationToken);
        return overdue == 0 ? [] : [new HomeGap(SystemErrors.Requirement, OverdueKey, "/systems?overdue=true", overdue)];
    }
}
