using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;

namespace Xinke.Pages.Notifications;

/// <summary>The signed-in person's inbox, newest first; opening a notification marks it read.</summary>
public sealed class IndexModel(XinkeDb db, CurrentCaller current, NotificationInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<InboxItemDto> Items { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var items = db.Set<InboxItem>().AsNoTracking().Where(i => i.AccountId == caller.Id);
        if (Unread)
        {
            items = items.Where(i => i.ReadAt == null);
        }

        var page = await NotificationsApi.Inbox.PageAsync(items, new ListRequest(Cursor: Cursor), InboxItemDto.From, cancellationToken);
        if (!page.Succeeded)
        {
            return Redirect("/notifications");
        }

        Items = page.Value!;
        return Page();
    }

    /// <summary>Marks the notification read and follows its link (a local one only).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        if (!await inbox.MarkReadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var link = await db.Set<InboxItem>().AsNoTracking().Where(i => i.Id == id).Select(i => i.Link).SingleAsync(cancellationToken);
        return link is not null && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(null, cancellationToken);
        return RedirectToPage();
    }
}
