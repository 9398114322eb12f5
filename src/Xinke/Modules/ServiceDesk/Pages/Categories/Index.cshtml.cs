using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;

namespace Xinke.Modules.ServiceDesk.Pages.Categories;

/// <summary>The IT director's category tree: add, rename, move (with the subtree) and retire or bring back.</summary>
[RequirePermission(ServiceDeskPermissions.TicketsManage)]
public sealed class IndexModel(TicketCategories categories, IStringLocalizer<SharedResource> localizer) : AdminPage(localizer)
{
    public IReadOnlyList<TicketCategory> Tree { get; private set; } = [];

    [BindProperty]
    public long? ParentId { get; set; }

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public int? SortOrder { get; set; }

    protected override string Path => "/servicedesk/categories";

    public static int Depth(TicketCategory category) => CategoryNodeDto.From(category).Depth;

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await DoneAsync((await categories.CreateAsync(new CategoryInput(ParentId, NameZh, NameEn, SortOrder), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostRenameAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await categories.EditAsync(id, new CategoryPatch(NameZh, NameEn, null, null, SortOrder), Drawn<TicketCategory>(), cancellationToken)).Error, cancellationToken);

    /// <summary>An empty parent moves the category to the top level.</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await categories.EditAsync(id, new CategoryPatch(null, null, ParentId, ParentId is null, null), Drawn<TicketCategory>(), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await categories.DeactivateAsync(id, Drawn<TicketCategory>(), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostActivateAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await categories.ActivateAsync(id, Drawn<TicketCategory>(), cancellationToken)).Error, cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken) => Tree = await categories.TreeAsync(cancellationToken);
}
