using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Pages.Groups;

/// <summary>The IT director's support groups: add, rename or deactivate, and their members (engineers only).</summary>
[RequirePermission(ServiceDeskPermissions.TicketsManage)]
public sealed class IndexModel(SupportGroups groups, IStringLocalizer<SharedResource> localizer) : AdminPage(localizer)
{
    public IReadOnlyList<SupportGroupDto> Groups { get; private set; } = [];

    /// <summary>Who may be added: the accounts that work tickets.</summary>
    public IReadOnlyList<SupportGroupMemberDto> Engineers { get; private set; } = [];

    [BindProperty]
    public string? NameZh { get; set; }

    [BindProperty]
    public string? NameEn { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    [BindProperty]
    public long? AccountId { get; set; }

    protected override string Path => "/servicedesk/groups";

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken) =>
        await DoneAsync((await groups.CreateAsync(new SupportGroupInput(NameZh, NameEn, null), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await groups.EditAsync(id, new SupportGroupPatch(NameZh, NameEn, null, Active), Drawn<SupportGroup>(), cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostAddMemberAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync((await groups.AddMemberAsync(id, AccountId, cancellationToken)).Error, cancellationToken);

    public async Task<IActionResult> OnPostRemoveMemberAsync(long id, CancellationToken cancellationToken) =>
        await DoneAsync(AccountId is { } account ? (await groups.RemoveMemberAsync(id, account, cancellationToken)).Error : null, cancellationToken);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Groups = await groups.ListAsync(cancellationToken);
        Engineers = await groups.EngineersAsync(cancellationToken);
    }
}
