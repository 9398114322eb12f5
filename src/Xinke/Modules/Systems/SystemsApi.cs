using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Systems;

/// <summary>The information-system register (信息系统台账): <c>/api/v1/systems</c>.</summary>
public static class SystemsApi
{
    public static readonly ListDefinition<InformationSystem> List = new ListDefinition<InformationSystem>("systems", s => s.Id, "code")
        .SortBy("code", s => s.Code)
        .SortBy("name", s => s.Name)
        .SortBy("level", s => s.ProtectionLevel);

    public static WebApplication MapSystemsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/systems").WithTags("Systems");
        group.MapGet("/", ListAsync).RequirePermission(SystemsPermissions.Read).WithName("ListSystems").WithSummary("The register, filtered by criticality, level, status, owner department or overdue assessment.");
        group.MapGet("/export", ExportAsync).RequirePermission(SystemsPermissions.Read).WithName("ExportSystems").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(SystemsPermissions.Read).WithName("GetSystem").WithSummary("One system of the register.");
        group.MapPost("/", CreateAsync).RequirePermission(SystemsPermissions.Write).WithName("CreateSystem").WithSummary("Record a system.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(SystemsPermissions.Write).WithName("EditSystem").WithSummary("Change a system's fields (JSON merge patch, If-Match).");
        group.MapPost("/{id:long}/retire", RetireAsync).RequirePermission(SystemsPermissions.Write).WithName("RetireSystem").WithSummary("Take a system out of service, saying why; the record stays.");
        return app;
    }

    /// <summary>Export columns; owner departments are shown by name from <paramref name="departments"/>.</summary>
    public static ExportColumn<InformationSystem>[] Columns(IReadOnlyDictionary<long, string> departments, DateOnly today, SystemsOptions options) =>
    [
        new("system.code", s => s.Code),
        new("system.name", s => s.Name),
        new("system.owner_department", s => departments.GetValueOrDefault(s.OwnerDepartmentId)),
        new("system.vendor", s => s.Vendor),
        new("system.protection_level", s => s.ProtectionLevel),
        new("system.filing_number", s => s.FilingNumber),
        new("system.last_assessed_on", s => s.LastAssessedOn),
        new("system.next_assessment_due", s => s.NextAssessmentDue(options)),
        new("system.assessment_overdue", s => s.IsAssessmentOverdueOn(today, options)),
        new("system.data_classes", s => string.Join(", ", SystemInput.NamesOf(s.DataClasses))),
        new("system.holds_personal_data", s => s.HoldsPersonalData),
        new("system.holds_health_data", s => s.HoldsHealthData),
        new("system.criticality", s => s.Criticality.ToString()),
        new("system.rto_minutes", s => s.RtoMinutes),
        new("system.rpo_minutes", s => s.RpoMinutes),
        new("system.status", s => s.Status.ToString()),
    ];

    /// <summary>The register's query under the filters; shared by the list, the export and the page.</summary>
    public static Result<IQueryable<InformationSystem>> Query(SystemRegister register, SystemFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = register.All();
        if (filter.Criticality is not null)
        {
            if (!Enum.TryParse<SystemCriticality>(filter.Criticality, ignoreCase: true, out var criticality) || !Enum.IsDefined(criticality))
            {
                return Error.Invalid(SystemErrors.InvalidCriticality, "criticality");
            }

            query = query.Where(s => s.Criticality == criticality);
        }

        if (filter.Status is not null)
        {
            if (!Enum.TryParse<SystemStatus>(filter.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status))
            {
                return Error.Invalid(SystemErrors.InvalidStatus, "status");
            }

            query = query.Where(s => s.Status == status);
        }

        if (filter.Level is { } level)
        {
            if (level is < 1 or > 4)
            {
                return Error.Invalid(SystemErrors.InvalidLevel, "level");
            }

            query = query.Where(s => s.ProtectionLevel == level);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(s => s.OwnerDepartmentId == department);
        }

        if (filter.Overdue is { } overdue)
        {
            query = query.Where(overdue ? SystemRegister.AssessmentOverdue(register.Today, register.Options) : SystemRegister.AssessmentInTime(register.Today, register.Options));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(s => s.Code.Contains(code) || s.Name.Contains(text) || (s.Vendor != null && s.Vendor.Contains(text)) || (s.FilingNumber != null && s.FilingNumber.Contains(text)));
        }

        return Result<IQueryable<InformationSystem>>.Success(query);
    }

    private static async Task<Results<Ok<Page<SystemDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] SystemFilter filter, SystemRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var query = Query(register, filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var today = register.Today;
        var departments = await register.DepartmentNamesAsync(cancellationToken);
        var page = await List.PageAsync(query.Value!, request, s => SystemDto.From(s, today, register.Options, departments), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] SystemFilter filter, string? format, SystemRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var departments = await register.DepartmentNamesAsync(cancellationToken);
        return ListExports.Of(http, format, Query(register, filter, request.Q), List, request, Columns(departments, register.Today, register.Options), "systems");
    }

    private static async Task<Results<Ok<SystemDto>, NotFound>> GetAsync(long id, SystemRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var system = await register.FindAsync(id, cancellationToken);
        if (system is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, system.Version);
        return TypedResults.Ok(SystemDto.From(system, register.Today, register.Options, await register.DepartmentNamesAsync(cancellationToken)));
    }

    private static async Task<Results<Created<SystemDto>, ProblemHttpResult>> CreateAsync(SystemInput input, SystemRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await register.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var system = created.Value!;
        Versioning.SetETag(http.Response, system.Version);
        return TypedResults.Created($"/api/v1/systems/{system.Id}", SystemDto.From(system, register.Today, register.Options, await register.DepartmentNamesAsync(cancellationToken)));
    }

    private static Task<Results<Ok<SystemDto>, ProblemHttpResult>> PatchAsync(long id, JsonElement patch, SystemRegister register, XinkeDb db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(register.EditAsync(id, current => MergePatch.Apply(current, patch, json.Value.SerializerOptions), s => Versioning.Expect(http.Request, db.Entry(s)), cancellationToken), register, http, cancellationToken);

    private static Task<Results<Ok<SystemDto>, ProblemHttpResult>> RetireAsync(long id, RetireInput input, SystemRegister register, XinkeDb db, HttpContext http, CancellationToken cancellationToken) =>
        RespondAsync(register.RetireAsync(id, input.Reason, s => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(s)), cancellationToken), register, http, cancellationToken);


    private static async Task<Results<Ok<SystemDto>, ProblemHttpResult>> RespondAsync(Task<Result<InformationSystem>> change, SystemRegister register, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(SystemDto.From(changed.Value, register.Today, register.Options, await register.DepartmentNamesAsync(cancellationToken)));
    }
}
