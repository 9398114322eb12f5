using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Evidence.Packs;

public sealed record EvidencePackInput(DateOnly? From, DateOnly? To, IReadOnlyList<string>? RequirementIds, long? DepartmentId);

public sealed record EvidencePackDto(
    long Id, EvidencePackStatus Status, int Done, int Total, DateOnly From, DateOnly To, long? DepartmentId, IReadOnlyList<string> RequirementIds,
    string RequestedBy, DateTime CreatedAt, DateTime? FinishedAt, DateTime? ExpiresAt, string? ManifestSm3, long? Size, string? Download)
{
    public static EvidencePackDto Of(EvidencePack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var id = pack.Id.ToString(CultureInfo.InvariantCulture);
        return new EvidencePackDto(
            pack.Id, pack.Status, pack.Done, pack.Total, pack.From, pack.To, pack.DepartmentId, pack.Request.RequirementIds,
            pack.RequestedBy, pack.CreatedAt, pack.FinishedAt, pack.ExpiresAt, pack.ManifestSm3, pack.Size,
            pack.Status == EvidencePackStatus.Ready ? $"/api/v1/evidence-packs/{id}/download" : null);
    }
}

/// <summary>
/// <c>/api/v1/evidence-packs</c>: ask for a pack (built in the background), follow its progress,
/// download it. A department-scoped compliance reader's pack is forced to their department, and
/// a pack is seen and downloaded by its requester or an unscoped compliance reader only.
/// </summary>
public static class EvidencePacksApi
{
    public const string DepartmentRequired = "evidence_pack.department_required";
    public const string OutOfScope = "evidence_pack.department_not_found";

    public static readonly ListDefinition<EvidencePack> List = new ListDefinition<EvidencePack>("evidence-packs", p => p.Id, "-id")
        .SortBy("id", p => p.Id)
        .SortBy("createdAt", p => p.CreatedAt);

    public static WebApplication MapEvidencePacksApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/evidence-packs").WithTags("Compliance");
        group.MapGet("/", ListAsync).RequirePermission(EvidencePermissions.Read).WithName("ListEvidencePacks").WithSummary("The packs the caller may see, newest first.");
        group.MapPost("/", CreateAsync).RequirePermission(EvidencePermissions.Read).WithName("CreateEvidencePack").WithSummary("Ask for a signed evidence pack of a period; it is built in the background (202 + Location).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(EvidencePermissions.Read).WithName("GetEvidencePack").WithSummary("A pack's status and progress (requirements done of total).");
        group.MapGet("/{id:long}/download", DownloadAsync).RequirePermission(EvidencePermissions.Read).WithName("DownloadEvidencePack").WithSummary("The pack's ZIP, once ready.");
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.evidence_packs", "/evidence-packs", 330, EvidencePermissions.Read));
        return app;
    }

    /// <summary>The packs a caller may see: all for an unscoped compliance reader, else their own.</summary>
    public static async Task<IQueryable<EvidencePack>> VisibleAsync(EvidencePacks packs, CurrentCaller current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packs);
        ArgumentNullException.ThrowIfNull(current);
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return packs.Packs().Where(p => false);
        }

        return caller.ScopeRootsOf(EvidencePermissions.Read) is null ? packs.Packs() : packs.Packs().Where(p => p.RequestedById == caller.Id);
    }

    /// <summary>The request as the caller may make it: a scoped reader's department is forced (404 outside their scope).</summary>
    public static async Task<Result<PackRequest>> ScopedAsync(EvidencePackInput input, DepartmentScope scope, CurrentCaller current, HospitalClock hospital, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(hospital);
        ArgumentNullException.ThrowIfNull(clock);
        if (input.From is not { } from)
        {
            return Error.Invalid(PackRequest.InvalidPeriod, "from");
        }

        var to = input.To ?? hospital.LocalDate(clock.GetUtcNow().UtcDateTime);
        var department = input.DepartmentId;
        var reachable = await scope.DepartmentsAsync(EvidencePermissions.Read, cancellationToken);
        if (reachable is not null)
        {
            if (department is null)
            {
                var roots = (await current.GetAsync(cancellationToken))?.ScopeRootsOf(EvidencePermissions.Read) ?? [];
                if (roots.Count != 1)
                {
                    return Error.Invalid(DepartmentRequired, "departmentId");
                }

                department = roots[0];
            }
            else if (!reachable.Contains(department.Value))
            {
                return Error.NotFound(OutOfScope);
            }
        }

        return new PackRequest(from, to, input.RequirementIds ?? [], department);
    }

    private static async Task<Results<Ok<Page<EvidencePackDto>>, ProblemHttpResult>> ListAsync(
        [AsParameters] ListRequest request, EvidencePacks packs, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await List.PageAsync(await VisibleAsync(packs, current, cancellationToken), request, EvidencePackDto.Of, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Accepted<EvidencePackDto>, ProblemHttpResult>> CreateAsync(
        EvidencePackInput input, EvidencePacks packs, DepartmentScope scope, CurrentCaller current, HospitalClock hospital, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var request = await ScopedAsync(input, scope, current, hospital, clock, cancellationToken);
        if (!request.Succeeded)
        {
            return ApiProblems.From(http, request.Error!);
        }

        var pack = await packs.RequestAsync(request.Value!, cancellationToken);
        return pack.Succeeded
            ? TypedResults.Accepted(string.Create(CultureInfo.InvariantCulture, $"/api/v1/evidence-packs/{pack.Value!.Id}"), EvidencePackDto.Of(pack.Value))
            : ApiProblems.From(http, pack.Error!);
    }

    private static async Task<Results<Ok<EvidencePackDto>, NotFound>> GetAsync(long id, EvidencePacks packs, CurrentCaller current, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(packs, current, cancellationToken);
        var pack = await visible.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return pack is null ? TypedResults.NotFound() : TypedResults.Ok(EvidencePackDto.Of(pack));
    }

    private static async Task<IResult> DownloadAsync(long id, EvidencePacks packs, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(packs, current, cancellationToken);
        var pack = await visible.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pack is null || pack.Status != EvidencePackStatus.Ready || !File.Exists(packs.PathOf(pack)))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.PhysicalFile(packs.PathOf(pack), "application/zip", pack.FileName);
    }
}
