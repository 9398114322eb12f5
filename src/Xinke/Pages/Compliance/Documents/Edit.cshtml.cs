using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Pages.Compliance.Documents;

/// <summary>
/// Edits what is written of an evidence document — title, the period it covers, owner, expiry,
/// department. The version the form was shown with travels in a hidden field: a stale one is
/// refused (someone saved in between), as If-Match is on the API. New revisions are uploaded on the
/// detail page, never here.
/// </summary>
[RequirePermission(EvidencePermissions.Documents)]
public sealed class EditModel(EvidenceDocuments documents, XinkeDb db, IStringLocalizer<SharedResource> text) : PageModel
{
    public long Id { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The version the form was shown with (the page's If-Match).</summary>
    [BindProperty(Name = "expectedVersion")]
    public long ExpectedVersion { get; set; }

    [BindProperty]
    public EditForm Form { get; set; } = new();

    public IReadOnlyList<(long Id, string Name)> Departments { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>The form field the refusal is about, to mark it.</summary>
    public string? ProblemField { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } document)
        {
            return NotFound();
        }

        Form = new EditForm
        {
            Title = document.Title,
            CoversFrom = document.CoversFrom,
            CoversTo = document.CoversTo,
            ExpiresOn = document.ExpiresOn,
            Owner = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => a.Id == document.OwnerAccountId).Select(a => a.UserName).SingleOrDefaultAsync(cancellationToken),
            DepartmentId = document.DepartmentId,
        };
        ExpectedVersion = document.Version;
        await LoadAsync(document, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var owner = string.IsNullOrWhiteSpace(Form.Owner)
            ? null
            : await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => a.UserName == Form.Owner.Trim()).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
        var edited = await documents.EditAsync(
            id,
            current => current with
            {
                Title = Form.Title,
                CoversFrom = Form.CoversFrom,
                CoversTo = Form.CoversTo,
                ExpiresOn = Form.ExpiresOn,
                OwnerAccountId = owner,
                DepartmentId = Form.DepartmentId,
            },
            d => d.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed),
            cancellationToken);
        if (edited.Succeeded)
        {
            return Redirect($"/compliance/documents/{id}");
        }

        if (edited.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (edited.Error.Kind == ErrorKind.PreconditionFailed)
        {
            Response.StatusCode = StatusCodes.Status412PreconditionFailed;
        }

        Problem = text[edited.Error.Code, edited.Error.Arguments].Value;
        ProblemField = edited.Error.Field;
        db.ChangeTracker.Clear();
        await LoadAsync((await documents.FindAsync(id, cancellationToken))!, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(EvidenceDocument document, CancellationToken cancellationToken)
    {
        Id = document.Id;
        Code = document.Code;
        var departments = await db.Set<Department>().AsNoTracking().Where(d => d.Kind != DepartmentKind.Hospital).OrderBy(d => d.Path)
            .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
        Departments = [.. departments.Select(d => (d.Id, d.Name))];
    }

    public sealed class EditForm
    {
        public string? Title { get; set; }

        public DateOnly? CoversFrom { get; set; }

        public DateOnly? CoversTo { get; set; }

        public DateOnly? ExpiresOn { get; set; }

        /// <summary>The owner's user name.</summary>
        public string? Owner { get; set; }

        /// <summary>None: the whole hospital.</summary>
        public long? DepartmentId { get; set; }
    }
}
