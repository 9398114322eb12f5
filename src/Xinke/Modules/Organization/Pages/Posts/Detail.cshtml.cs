using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Organization.Posts;

namespace Xinke.Modules.Organization.Pages.Posts;

/// <summary>One post: its responsibilities (revised in place, history in the audit), its holders, and the forms to change them.</summary>
[RequirePermission(PostsPermissions.Read)]
public sealed class DetailModel(ItPosts posts, CurrentCaller current, XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public PostDto? Post { get; private set; }

    public bool CanWrite { get; private set; }

    [BindProperty]
    public long? ExpectedVersion { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Responsibilities { get; set; }

    /// <summary>The employee number (工号) of the person who takes the post.</summary>
    [BindProperty]
    public string? EmployeeNumber { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? Until { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, fillForm: true, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEditAsync(long id, CancellationToken cancellationToken) =>
        WriteAsync(id, async () => (await posts.EditAsync(id, new PostInput(Name, Responsibilities ?? string.Empty), Expected, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(long id, CancellationToken cancellationToken) =>
        WriteAsync(id, async () => (await posts.RetireAsync(id, Expected, cancellationToken)).Error, cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken cancellationToken) =>
        WriteAsync(id, async () =>
        {
            var number = EmployeeNumber?.Trim();
            var personId = string.IsNullOrEmpty(number) ? null : await db.Set<Person>().AsNoTracking().Where(p => p.EmployeeNumber == number).Select(p => (long?)p.Id).SingleOrDefaultAsync(cancellationToken);
            return (await posts.AssignAsync(id, new HolderInput(personId, From), cancellationToken)).Error;
        }, cancellationToken);

    public Task<IActionResult> OnPostEndHoldingAsync(long id, long holderId, CancellationToken cancellationToken) =>
        WriteAsync(id, async () =>
        {
            var post = await posts.FindAsync(id, cancellationToken);
            return post?.Holders.Any(h => h.Id == holderId) != true
                ? Error.NotFound(PostErrors.HolderNotFound)
                : (await posts.EndHoldingAsync(holderId, new EndHoldingInput(Until), cancellationToken)).Error;
        }, cancellationToken);

    private Error? Expected(Post post) =>
        post.Version == ExpectedVersion ? null : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);

    private async Task<IActionResult> WriteAsync(long id, Func<Task<Error?>> change, CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(PostsPermissions.Write) != true)
        {
            return Forbid();
        }

        var error = await change();
        if (error is null)
        {
            return Redirect($"/organization/posts/{id}");
        }

        if (error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        var field = error.Field == "personId" ? nameof(EmployeeNumber) : error.Field ?? string.Empty;
        ModelState.AddModelError(field, localizer[error.Code, error.Arguments] + (error.RequirementId is null ? string.Empty : $" ({error.RequirementId})"));
        return await LoadAsync(id, fillForm: false, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, bool fillForm, CancellationToken cancellationToken)
    {
        Post = await posts.FindAsync(id, cancellationToken);
        if (Post is null)
        {
            return false;
        }

        CanWrite = (await current.GetAsync(cancellationToken))?.Has(PostsPermissions.Write) == true;
        ExpectedVersion = Post.Version;
        if (fillForm)
        {
            (Name, Responsibilities, From) = (Post.Name, Post.Responsibilities, posts.Today);
        }

        return true;
    }
}
