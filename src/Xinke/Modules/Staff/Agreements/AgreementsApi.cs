using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Staff.Agreements;

/// <summary>The confidentiality agreement (保密协议): <c>/api/v1/agreements</c>.</summary>
public static class AgreementsApi
{
    public static readonly ListDefinition<AgreementAcceptance> Acceptances = new ListDefinition<AgreementAcceptance>("agreement-acceptances", a => a.Id, "-id")
        .SortBy("id", a => a.Id)
        .SortBy("acceptedAt", a => a.AcceptedAt);

    public static readonly ExportColumn<AgreementAcceptance>[] AcceptanceColumns =
    [
        new("agreement.person", a => a.PersonId),
        new("agreement.department", a => a.DepartmentId),
        new("agreement.version", a => a.Version?.Number),
        new("agreement.method", a => a.Method.ToString()),
        new("agreement.accepted_at", a => a.AcceptedAt),
        new("agreement.address", a => a.Address),
        new("agreement.attachment", a => a.AttachmentId),
    ];

    public static WebApplication MapAgreementsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/agreements").WithTags("Agreements");
        group.MapGet("/versions", ListVersionsAsync).RequirePermission(StaffPermissions.AgreementsRead).WithName("ListAgreementVersions").WithSummary("Every version of the confidentiality agreement, newest first.");
        group.MapPost("/versions", PublishAsync).RequirePermission(StaffPermissions.AgreementsWrite).WithName("PublishAgreementVersion").WithSummary("Publish a new version; earlier versions stay as they were.");

        // Everyone signed in reads the text they are asked to accept, and accepts it for themselves.
        group.MapGet("/current", CurrentAsync).RequireAuthorization().WithName("GetCurrentAgreement").WithSummary("The current version and whether the caller's person accepted it.");
        group.MapPost("/current/accept", AcceptAsync).RequireAuthorization().WithName("AcceptCurrentAgreement").WithSummary("The signed-in person accepts the current version electronically.");

        group.MapGet("/acceptances", ListAcceptancesAsync).RequirePermission(StaffPermissions.AgreementsRead).WithName("ListAgreementAcceptances").WithSummary("Acceptances within the caller's department scope.");
        group.MapGet("/acceptances/export", ExportAcceptancesAsync).RequirePermission(StaffPermissions.AgreementsRead).WithName("ExportAgreementAcceptances").WithSummary("Export the acceptances the same filters select (xlsx or csv).");
        group.MapGet("/acceptances/{id:long}", GetAcceptanceAsync).RequirePermission(StaffPermissions.AgreementsRead).WithName("GetAgreementAcceptance").WithSummary("One acceptance (404 outside the caller's scope).");
        group.MapPost("/acceptances", RecordScanAsync).RequirePermission(StaffPermissions.AgreementsWrite).WithName("RecordAgreementScan").WithSummary("Record a paper agreement signed by a person, by its uploaded scan.");
        return app;
    }

    /// <summary>The acceptances the filters select within the caller's scope; shared by the list, the export and the page.</summary>
    public static async Task<Result<IQueryable<AgreementAcceptance>>> QueryAcceptancesAsync(AgreementService agreements, AcceptanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(filter);
        var query = (await agreements.VisibleAcceptancesAsync(cancellationToken)).Include(a => a.Version).AsQueryable();
        if (filter.Method is not null)
        {
            if (!Enum.TryParse<AcceptanceMethod>(filter.Method, ignoreCase: true, out var method) || !Enum.IsDefined(method) || int.TryParse(filter.Method, out _))
            {
                return Error.Invalid("request.invalid", "method");
            }

            query = query.Where(a => a.Method == method);
        }

        if (filter.PersonId is { } person)
        {
            query = query.Where(a => a.PersonId == person);
        }

        if (filter.VersionId is { } version)
        {
            query = query.Where(a => a.VersionId == version);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(a => a.DepartmentId == department);
        }

        return Result<IQueryable<AgreementAcceptance>>.Success(query);
    }

    private static async Task<Ok<IReadOnlyList<AgreementVersionDto>>> ListVersionsAsync(AgreementService agreements, CancellationToken cancellationToken)
    {
        var current = await agreements.CurrentAsync(cancellationToken);
        var versions = await agreements.Versions().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AgreementVersionDto>>([.. versions.Select(v => AgreementVersionDto.From(v, current?.Id))]);
    }

    private static async Task<Results<Created<AgreementVersionDto>, ProblemHttpResult>> PublishAsync(VersionInput input, AgreementService agreements, HttpContext http, CancellationToken cancellationToken)
    {
        var published = await agreements.PublishAsync(input, cancellationToken);
        if (!published.Succeeded)
        {
            return ApiProblems.From(http, published.Error!);
        }

        var current = await agreements.CurrentAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/agreements/versions/{published.Value!.Id}", AgreementVersionDto.From(published.Value, current?.Id));
    }

    private static async Task<Results<Ok<CurrentAgreementDto>, ProblemHttpResult>> CurrentAsync(AgreementService agreements, HttpContext http, CancellationToken cancellationToken)
    {
        var current = await agreements.CurrentAsync(cancellationToken);
        if (current is null)
        {
            return ApiProblems.From(http, Error.NotFound(AgreementErrors.NoCurrentVersion));
        }

        var mine = await agreements.MyAcceptanceOfAsync(current.Id, cancellationToken);
        return TypedResults.Ok(new CurrentAgreementDto(AgreementVersionDto.From(current, current.Id), mine is null ? null : AcceptanceDto.From(mine)));
    }

    private static async Task<Results<Created<AcceptanceDto>, ProblemHttpResult>> AcceptAsync(AgreementService agreements, HttpContext http, CancellationToken cancellationToken)
    {
        var accepted = await agreements.AcceptCurrentAsync(http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        return accepted.Succeeded
            ? TypedResults.Created($"/api/v1/agreements/acceptances/{accepted.Value!.Id}", AcceptanceDto.From(accepted.Value))
            : ApiProblems.From(http, accepted.Error!);
    }

    private static async Task<Results<Ok<Page<AcceptanceDto>>, ProblemHttpResult>> ListAcceptancesAsync([AsParameters] ListRequest request, [AsParameters] AcceptanceFilter filter, AgreementService agreements, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAcceptancesAsync(agreements, filter, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Acceptances.PageAsync(query.Value!, request, AcceptanceDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAcceptancesAsync([AsParameters] ListRequest request, [AsParameters] AcceptanceFilter filter, string? format, AgreementService agreements, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAcceptancesAsync(agreements, filter, cancellationToken), Acceptances, request, AcceptanceColumns, "agreement-acceptances");

    private static async Task<Results<Ok<AcceptanceDto>, NotFound>> GetAcceptanceAsync(long id, AgreementService agreements, CancellationToken cancellationToken) =>
        await (await agreements.VisibleAcceptancesAsync(cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } acceptance
            ? TypedResults.Ok(AcceptanceDto.From(acceptance))
            : TypedResults.NotFound();

    private static async Task<Results<Created<AcceptanceDto>, ProblemHttpResult>> RecordScanAsync(ScanInput input, AgreementService agreements, HttpContext http, CancellationToken cancellationToken)
    {
        var recorded = await agreements.RecordScanAsync(input, cancellationToken);
        return recorded.Succeeded
            ? TypedResults.Created($"/api/v1/agreements/acceptances/{recorded.Value!.Id}", AcceptanceDto.From(recorded.Value))
            : ApiProblems.From(http, recorded.Error!);
    }
}

public sealed record CurrentAgreementDto(AgreementVersionDto Version, AcceptanceDto? MyAcceptance);
