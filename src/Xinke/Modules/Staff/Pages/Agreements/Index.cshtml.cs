using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;

namespace Xinke.Modules.Staff.Pages.Agreements;

/// <summary>
/// The confidentiality agreement: its versions and current text, the acceptances of the reader's
/// scope with filters and exports, and the forms to record a signed scan and to publish a version.
/// </summary>
[RequirePermission(StaffPermissions.AgreementsRead)]
public sealed class IndexModel(AgreementService agreements, PeopleDirectory people, CurrentCaller current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? VersionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AcceptanceMethod? Method { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public long? ScanPersonId { get; set; }

    [BindProperty]
    public long? ScanVersionId { get; set; }

    [BindProperty]
    public long? AttachmentId { get; set; }

    [BindProperty]
    public DateOnly? SignedOn { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public DateOnly? EffectiveFrom { get; set; }

    public IReadOnlyList<AgreementVersion> Versions { get; private set; } = [];

    public AgreementVersion? Current { get; private set; }

    public Page<AcceptanceDto> Acceptances { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, PersonSummary> People { get; private set; } = new Dictionary<long, PersonSummary>();

    public string Query { get; private set; } = string.Empty;

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostScanAsync(CancellationToken cancellationToken) =>
        await RespondAsync(await agreements.RecordScanAsync(new ScanInput(ScanPersonId, ScanVersionId, AttachmentId, SignedOn), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        await RespondAsync(await agreements.PublishAsync(new VersionInput(Title, Body, EffectiveFrom), cancellationToken), cancellationToken);

    private async Task<IActionResult> RespondAsync<T>(Result<T> result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect("/staff/agreements");
        }

        if (result.Error!.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        ModelState.AddModelError(string.Empty, localizer[result.Error.Code, result.Error.Arguments]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(StaffPermissions.AgreementsWrite) == true;
        Versions = await agreements.Versions().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        Current = await agreements.CurrentAsync(cancellationToken);
        var query = await AgreementsApi.QueryAcceptancesAsync(agreements, new AcceptanceFilter(PersonId, VersionId, Method?.ToString()), cancellationToken);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await AgreementsApi.Acceptances.PageAsync(query.Value!, request, AcceptanceDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await AgreementsApi.Acceptances.PageAsync(query.Value!, request with { Cursor = null }, AcceptanceDto.From, cancellationToken);
            }

            Acceptances = page.Value!;
        }

        People = (await people.FindManyAsync([.. Acceptances.Items.Select(a => a.PersonId).Distinct()], cancellationToken)).ToDictionary(p => p.Id);
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["versionId"] = VersionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["method"] = Method?.ToString(),
            ["personId"] = PersonId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToString();
    }

    public string VersionNumber(long versionId) => Versions.FirstOrDefault(v => v.Id == versionId)?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
