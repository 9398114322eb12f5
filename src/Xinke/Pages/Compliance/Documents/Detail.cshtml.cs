using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Documents;

/// <summary>One evidence document: what it covers, for which rules, until when, and its revisions with their SM3.</summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class DetailModel(EvidenceDocuments documents, AttachmentService attachments, CurrentCaller current) : PageModel
{
    public EvidenceDocumentDto Document { get; private set; } = null!;

    public AttachmentsView Files { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        var revisions = await documents.RevisionsAsync([id], cancellationToken);
        Document = EvidenceDocumentDto.From(document, documents.Today, revisions.GetValueOrDefault(id, EvidenceDocumentRevisions.None));
        var canWrite = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Documents);
        Files = new AttachmentsView(EvidenceDocument.OwnerType, id, await attachments.ListAsync(EvidenceDocument.OwnerType, id, cancellationToken), canWrite, $"/compliance/documents/{id}");
        return Page();
    }
}
