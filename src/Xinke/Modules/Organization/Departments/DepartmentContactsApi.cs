using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Departments;

/// <summary>The departments' heads and liaisons, beside the identity kernel's tree: <c>/api/v1/departments/contacts</c> and <c>/api/v1/departments/{id}/contacts</c>.</summary>
public static class DepartmentContactsApi
{
    public static WebApplication MapDepartmentContactsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var departments = app.MapGroup("/api/v1/departments").WithTags("Departments");
        departments.MapGet("/contacts", ListAsync).RequirePermission(OrganizationPermissions.PeopleRead)
            .WithName("ListDepartmentContacts").WithSummary("Every department in reach with its head and IT liaison; missingLiaison marks the ORG-03 gap.");
        departments.MapPut("/{id:long}/contacts", SetAsync).RequirePermission(OrganizationPermissions.ContactsWrite)
            .WithName("SetDepartmentContacts").WithSummary("Name a department's head and IT liaison (If-Match once they have been set).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DepartmentContactsDto>>> ListAsync(DepartmentContactsService contacts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await contacts.ListAsync(OrganizationPermissions.PeopleRead, cancellationToken));

    private static async Task<Results<Ok<DepartmentContactsDto>, ProblemHttpResult>> SetAsync(
        long id, ContactsInput input, DepartmentContactsService contacts, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var set = await contacts.SetAsync(id, input, c => Versioning.Expect(http.Request, db.Entry(c)), cancellationToken);
        if (!set.Succeeded)
        {
            return ApiProblems.From(http, set.Error!);
        }

        Versioning.SetETag(http.Response, set.Value!.Version);
        var all = await contacts.ListAsync(OrganizationPermissions.ContactsWrite, cancellationToken);
        return TypedResults.Ok(all.Single(d => d.DepartmentId == id));
    }
}
