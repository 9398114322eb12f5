using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Policy;

namespace Xinke.Modules.Access.Pages.Flags;

/// <summary>Accounts the daily policy flagged (idle or of a leaver), newest first, and what it did.</summary>
[RequirePermission(AccessPermissions.ReviewsManage)]
public sealed class IndexModel(XinkeDb db) : PageModel
{
    private const int Shown = 500;

    public sealed record FlagRow(long AccountId, string UserName, string DisplayName, AccountState State, FlagReason Reason, DateTime FlaggedAt, DateTime? DisabledAt, string? Note);

    public IReadOnlyList<FlagRow> Flags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Flags = await (from flag in db.Set<AccountFlag>().AsNoTracking()
                       join account in db.Set<Account>().AsNoTracking() on flag.AccountId equals account.Id
                       orderby flag.Id descending
                       select new FlagRow(account.Id, account.UserName, account.DisplayName, account.State, flag.Reason, flag.FlaggedAt, flag.DisabledAt, flag.Note))
            .Take(Shown).ToListAsync(cancellationToken);
}
