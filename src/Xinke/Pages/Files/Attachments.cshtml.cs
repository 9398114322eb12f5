using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel.Files;

namespace Xinke.Pages.Files;

/// <summary>
/// A record's attachments, and where the <c>_Attachments</c> partial's upload form posts: modules
/// show the partial on their record pages; access is the owner type's policy, as in the API.
/// </summary>
[Upload]
public sealed class AttachmentsPageModel(AttachmentService attachments, AttachmentOwners owners, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? OwnerType { get; set; }

    [BindProperty(SupportsGet = true)]
    public long OwnerId { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public long? Replaces { get; set; }

    [BindProperty]
    public string? ReturnUrl { get; set; }

    public AttachmentsView View { get; private set; } = new(string.Empty, 0, [], false, "/");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await owners.AccessAsync(OwnerType, OwnerId, cancellationToken);
        if (access == AttachmentAccess.None)
        {
            return NotFound();
        }

        await LoadAsync(access, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = await owners.AccessAsync(OwnerType, OwnerId, cancellationToken);
        if (access == AttachmentAccess.None)
        {
            return NotFound();
        }

        if (access != AttachmentAccess.Attach)
        {
            return Forbid();
        }

        if (Upload is null)
        {
            ModelState.AddModelError(string.Empty, localizer[AttachmentErrors.FileMissing]);
        }
        else
        {
            await using var content = Upload.OpenReadStream();
            var added = await attachments.AddAsync(OwnerType!, OwnerId, Upload.FileName, content, Description, Replaces, cancellationToken);
            if (added.Succeeded)
            {
                return Redirect(ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : SelfUrl());
            }

            ModelState.AddModelError(string.Empty, localizer[added.Error!.Code, added.Error.Arguments]);
        }

        await LoadAsync(access, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(AttachmentAccess access, CancellationToken cancellationToken)
    {
        var items = await attachments.ListAsync(OwnerType!, OwnerId, cancellationToken);
        View = new AttachmentsView(OwnerType!, OwnerId, items, access == AttachmentAccess.Attach, ReturnUrl is not null && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : SelfUrl());
    }

    private string SelfUrl() =>
        $"/attachments?ownerType={Uri.EscapeDataString(OwnerType ?? string.Empty)}&ownerId={OwnerId.ToString(CultureInfo.InvariantCulture)}";
}
