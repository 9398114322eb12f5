using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance.Documents;

/// <summary>One evidence document: what it covers, for which rules, until when, and its revisions with their SM3.</summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class DetailModel(EvidenceDocuments documents, AttachmentService attachments, CurrentCaller current, XinkeDb db) : PageModel
{
    public EvidenceDocumentDto Document { get; private set; } = null!;

    public AttachmentsView Files { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public string? Owner { get; private set; }

    /// <summary>The department the document concerns; none for the whole hospital.</summary>
    public string? Department { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        var revisions = await documents.RevisionsAsync([id], cancellationToken);
        Document = EvidenceDocumentDto.From(document, documents.Today, revisions.GetValueOrDefault(id, EvidenceDocumentRevisions.None));
        Owner = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => a.Id == document.OwnerAccountId).Select(a => a.DisplayName).SingleOrDefaultAsync(cancellationToken);
        Department = await db.Set<Department>().AsNoTracking().Where(d => d.Id == document.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        CanWrite = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Documents);
        Files = new AttachmentsView(EvidenceDocument.OwnerType, id, await attachments.ListAsync(EvidenceDocument.OwnerType, id, cancellationToken), CanWrite, $"/compliance/documents/{id}");
        return Page();
    }
}
