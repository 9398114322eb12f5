using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Documents;

/// <summary>The documents kept as evidence, and where a keeper records a new one.</summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class IndexModel(EvidenceDocuments documents, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Requirement { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Expired { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public DocumentForm Form { get; set; } = new();

    public Page<EvidenceDocumentDto> Documents { get; private set; } = new([], null);

    public bool CanWrite { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        if (!caller.Has(EvidencePermissions.Documents))
        {
            return Forbid();
        }

        var created = await documents.CreateAsync(Form.ToInput(caller.Id), cancellationToken);
        if (created.Succeeded)
        {
            return Redirect($"/compliance/documents/{created.Value!.Id}");
        }

        Problem = text[created.Error!.Code, created.Error.Arguments].Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Documents);
        var query = await EvidenceDocumentsApi.QueryAsync(documents, new EvidenceDocumentFilter(Requirement, Expired, null), Q, cancellationToken);
        var page = await EvidenceDocumentsApi.List.PageAsync(query, new ListRequest(Cursor: Cursor), d => d, cancellationToken);
        if (!page.Succeeded)
        {
            return;
        }

        var revisions = await documents.RevisionsAsync([.. page.Value!.Items.Select(d => d.Id)], cancellationToken);
        Documents = new Page<EvidenceDocumentDto>(
            [.. page.Value.Items.Select(d => EvidenceDocumentDto.From(d, documents.Today, revisions.GetValueOrDefault(d.Id, EvidenceDocumentRevisions.None)))], page.Value.NextCursor);
        Owners = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => Documents.Items.Select(d => d.OwnerAccountId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
    }

    public IReadOnlyDictionary<long, string> Owners { get; private set; } = new Dictionary<long, string>();

    public sealed class DocumentForm
    {
        public string? Title { get; set; }

        public EvidenceDocumentKind Kind { get; set; } = EvidenceDocumentKind.Policy;

        public string? Requirements { get; set; }

        public DateOnly? CoversFrom { get; set; }

        public DateOnly? CoversTo { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        public string? Note { get; set; }

        public EvidenceDocumentInput ToInput(long owner) => new(
            Title, Kind, Requirements?.Split([',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            CoversFrom, CoversTo, ExpiresOn, owner, null, Note);
    }
}
