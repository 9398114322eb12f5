using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;

namespace Xinke.Pages;

public sealed class IndexModel(CurrentCaller current, HospitalClock hospital, ObligationQueries obligations, IEnumerable<IHomeGapSource> gapSources) : PageModel
{
    private const int OverdueShown = 20;

    public string? DisplayName { get; private set; }

    /// <summary>The previous successful log-in in the hospital's time, or null at the very first one.</summary>
    public DateTimeOffset? LastLoginAt { get; private set; }

    public string? LastLoginAddress { get; private set; }

    public int FailuresSince { get; private set; }

    /// <summary>Late and recently missed periods of obligations the caller owns (in person, by role or by department).</summary>
    public IReadOnlyList<PeriodDto> Overdue { get; private set; } = [];

    /// <summary>Shortfalls against the regulations that the caller can act on, from every module.</summary>
    public IReadOnlyList<HomeGap> Gaps { get; private set; } = [];

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return;
        }

        DisplayName = caller.Account.DisplayName;
        var (lastLogin, failures) = await current.LastLoginAsync(caller, cancellationToken);
        LastLoginAt = lastLogin is null ? null : hospital.ToLocal(new DateTimeOffset(lastLogin.At, TimeSpan.Zero));
        LastLoginAddress = lastLogin?.Address;
        FailuresSince = failures;
        if (caller.Has(ObligationPermissions.Read))
        {
            Overdue = await obligations.OverdueForAsync(caller, OverdueShown, cancellationToken);
        }

        var gaps = new List<HomeGap>();
        foreach (var source in gapSources)
        {
            gaps.AddRange(await source.FindAsync(caller, cancellationToken));
        }

        Gaps = gaps;
    }
}
