using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;

namespace Xinke.Pages.Admin;

/// <summary>Messages that could not be delivered after their last attempt, with the error, for the system administrator to fix and resend.</summary>
[RequirePermission(NotificationPermissions.Outbox)]
public sealed class OutboxModel(XinkeDb db, NotificationInbox inbox, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<OutboxMessageDto> Failed { get; private set; } = [];

    public int Pending { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var error = await inbox.RetryAsync(id, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, localizer[error.Code, error.Arguments]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Failed = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.State == OutboxState.Failed).OrderByDescending(m => m.Id).Take(200).ToListAsync(cancellationToken))
            .Select(OutboxMessageDto.From).ToList();
        Pending = await db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Pending, cancellationToken);
    }
}
