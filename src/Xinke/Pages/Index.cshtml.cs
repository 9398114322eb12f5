using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel;
using Xinke.Kernel.Identity;

namespace Xinke.Pages;

public sealed class IndexModel(CurrentCaller current, HospitalClock hospital) : PageModel
{
    public string? DisplayName { get; private set; }

    /// <summary>The previous successful log-in in the hospital's time, or null at the very first one.</summary>
    public DateTimeOffset? LastLoginAt { get; private set; }

    public string? LastLoginAddress { get; private set; }

    public int FailuresSince { get; private set; }

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
    }
}
