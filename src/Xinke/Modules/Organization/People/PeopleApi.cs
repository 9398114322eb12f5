using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Kernel.Privacy;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Organization.People;

/// <summary>The people register (人员): <c>/api/v1/people</c>, with its spreadsheet import.</summary>
public static class PeopleApi
{
    public const string Path = "/api/v1/people";
    public const string EntityType = "Person";

    public static readonly ListDefinition<Person> List = new ListDefinition<Person>("people", p => p.Id, "employeeNumber")
        .SortBy("id", p => p.Id)
        .SortBy("employeeNumber", p => p.EmployeeNumber)
        .SortBy("name", p => p.Name)
        .SortBy("createdAt", p => p.CreatedAt);

    public static WebApplication MapPeopleApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var people = app.MapGroup(Path).WithTags("People");
        people.MapGet("/", ListAsync).RequirePermission(OrganizationPermissions.PeopleRead).WithName("ListPeople").WithSummary("People, filtered by department and status; phones masked unless the caller may see them.");
        people.MapGet("/export", ExportAsync).RequirePermission(OrganizationPermissions.PeopleRead).WithName("ExportPeople").WithSummary("Export what the same filters select (xlsx or csv).");
        people.MapGet("/{id:long}", GetAsync).RequirePermission(OrganizationPermissions.PeopleRead).WithName("GetPerson").WithSummary("One person.");
        people.MapPost("/", CreateAsync).RequirePermission(OrganizationPermissions.PeopleWrite).WithName("CreatePerson").WithSummary("Register a person.");
        people.MapPatch("/{id:long}", PatchAsync).RequirePermission(OrganizationPermissions.PeopleWrite).WithName("EditPerson").WithSummary("Change name, department, title or phone (If-Match).");
        people.MapPost("/{id:long}/status", StatusAsync).RequirePermission(OrganizationPermissions.PeopleWrite).WithName("ChangePersonStatus").WithSummary("Active, on leave or left; leaving disables the person's account.");
        people.MapPost("/import", ImportAsync).WithMetadata(new UploadAttribute()).DisableAntiforgery().RequirePermission(OrganizationPermissions.PeopleImport)
            .WithName("ImportPeople").WithSummary("Import people from an xlsx or CSV body: ?mode=strict|lenient&dryRun=true reports every rejected row.");
        people.MapGet("/import/template", TemplateAsync).RequirePermission(OrganizationPermissions.PeopleImport).WithName("PeopleImportTemplate").WithSummary("An empty import sheet with the expected columns (xlsx or csv).");
        return app;
    }

    /// <summary>The register under the caller's scope and the filters; shared by the list, the export and the pages.</summary>
    public static async Task<Result<IQueryable<Person>>> QueryAsync(PeopleService people, PersonFilter filter, string? q, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = (await people.VisibleAsync(OrganizationPermissions.PeopleRead, cancellationToken)).AsNoTracking();
        if (filter.Status is not null)
        {
            if (!Enum.TryParse<PersonStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(PersonErrors.InvalidStatus, "status");
            }

            query = query.Where(p => p.Status == status);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(p => p.DepartmentId == department);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(p => p.EmployeeNumber.Contains(q) || p.Name.Contains(q) || (p.Title != null && p.Title.Contains(q)));
        }

        return Result<IQueryable<Person>>.Success(query);
    }

    /// <summary>Maps people to what the caller may see: department names, linked accounts, phones through the lens.</summary>
    public static async Task<IReadOnlyList<PersonDto>> ToDtosAsync(XinkeDb db, SensitiveLens lens, IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lens);
        ArgumentNullException.ThrowIfNull(people);
        var ids = people.Select(p => p.Id).ToList();
        var departmentIds = people.Select(p => p.DepartmentId).Distinct().ToList();
        var departments = await db.Set<Department>().AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var accounts = await db.Set<Account>().AsNoTracking().Where(a => a.PersonId != null && ids.Contains(a.PersonId.Value))
            .ToDictionaryAsync(a => a.PersonId!.Value, a => a.Id, cancellationToken);
        return [.. people.Select(p => new PersonDto(
            p.Id, p.EmployeeNumber, p.Name, p.DepartmentId, departments.GetValueOrDefault(p.DepartmentId), p.Title,
            lens.Show(p.Phone, SensitiveKind.Phone, EntityType, p.Id, p.DepartmentId), p.Status, p.LeftOn,
            accounts.TryGetValue(p.Id, out var account) ? account : null, p.Version))];
    }

    private static async Task<Results<Ok<Page<PersonDto>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, [AsParameters] PersonFilter filter, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(people, filter, request.Q, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, p => p, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        var items = await ToDtosAsync(db, lens, page.Value!.Items, cancellationToken);
        await lens.RecordAsync(cancellationToken);
        return TypedResults.Ok(new Page<PersonDto>(items, page.Value.NextCursor));
    }

    private static async Task<IResult> ExportAsync(
        [AsParameters] ListRequest request, [AsParameters] PersonFilter filter, string? format, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(people, filter, request.Q, cancellationToken);
        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        if (query.Succeeded)
        {
            await lens.RecordExportAsync(EntityType, new { filter.DepartmentId, filter.Status, request.Q }, cancellationToken);
        }

        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        ExportColumn<Person>[] columns =
        [
            new("person.employee_number", p => p.EmployeeNumber),
            new("person.name", p => p.Name),
            new("person.department", p => departments.GetValueOrDefault(p.DepartmentId)),
            new("person.title", p => p.Title),
            new("person.phone", p => lens.Show(p.Phone, SensitiveKind.Phone, EntityType, p.Id, p.DepartmentId)),
            new("person.status", p => p.Status.ToString()),
            new("person.left_on", p => p.LeftOn),
        ];
        return ListExports.Of(http, format, query, List, request, columns, "people");
    }

    private static async Task<Results<Ok<PersonDto>, NotFound>> GetAsync(long id, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(id, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        var dto = (await ToDtosAsync(db, lens, [person], cancellationToken))[0];
        await lens.RecordAsync(cancellationToken);
        Versioning.SetETag(http.Response, person.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<PersonDto>, ProblemHttpResult>> CreateAsync(PersonInput input, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await people.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var person = created.Value!;
        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        Versioning.SetETag(http.Response, person.Version);
        return TypedResults.Created($"{Path}/{person.Id}", (await ToDtosAsync(db, lens, [person], cancellationToken))[0]);
    }

    private static Task<Results<Ok<PersonDto>, ProblemHttpResult>> PatchAsync(long id, PersonPatch patch, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(people.EditAsync(id, patch, p => Versioning.Expect(http.Request, db.Entry(p)), cancellationToken), sensitive, db, http, cancellationToken);

    private static Task<Results<Ok<PersonDto>, ProblemHttpResult>> StatusAsync(long id, PersonStatusInput input, PeopleService people, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(
            people.ChangeStatusAsync(id, input, p => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(p)), cancellationToken),
            sensitive, db, http, cancellationToken);

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        string? mode, bool? dryRun, PeopleImportProfile profile, Importer importer, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ImportRequests.TryParseMode(mode, out var parsed))
        {
            return ApiProblems.From(http, Error.Invalid(ImportErrors.InvalidMode, "mode"));
        }

        var report = await importer.RunAsync(profile, http.Request.Body, parsed, dryRun ?? false, cancellationToken);
        if (!report.Succeeded)
        {
            await ImportRequests.DrainAsync(http, cancellationToken);
            return ApiProblems.From(http, report.Error!);
        }

        return TypedResults.Ok(report.Value);
    }

    private static IResult TemplateAsync(string? format, PeopleImportProfile profile, HttpContext http) =>
        ImportTemplates.Of(http, format, profile.Columns, "people-import");

    private static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> RespondAsync(Task<Result<Person>> change, SensitiveViews sensitive, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        var lens = await sensitive.LensAsync(OrganizationPermissions.PeoplePhone, cancellationToken);
        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok((await ToDtosAsync(db, lens, [changed.Value], cancellationToken))[0]);
    }
}
