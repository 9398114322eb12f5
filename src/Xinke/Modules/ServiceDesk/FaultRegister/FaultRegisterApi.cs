using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.FaultRegister;

/// <summary>The fault register (故障登记, ROOM-03): <c>/api/v1/fault-register</c>.</summary>
public static class FaultRegisterApi
{
    public static readonly ListDefinition<Ticket> List = new ListDefinition<Ticket>("fault-register", t => t.Id, "reported")
        .SortBy("reported", t => t.CreatedAt)
        .SortBy("code", t => t.Code);

    public static WebApplication MapFaultRegisterApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/fault-register").WithTags("Fault register");
        group.MapGet("/", ListAsync).RequirePermission(ServiceDeskPermissions.Reports).WithName("ListFaultRegister").WithSummary("Faults with their handling record and result, filtered by month, information system or location.");
        group.MapGet("/export", ExportAsync).RequirePermission(ServiceDeskPermissions.Reports).WithName("ExportFaultRegister").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(ServiceDeskPermissions.Reports).WithName("GetFaultRegisterEntry").WithSummary("One fault of the register with its handling record.");
        return app;
    }

    /// <summary>Export columns; times in the hospital's zone, systems and assignees by name.</summary>
    public static ExportColumn<Ticket>[] Columns(HospitalClock hospital, IReadOnlyDictionary<long, string> systems, IReadOnlyDictionary<long, string> accounts)
    {
        ArgumentNullException.ThrowIfNull(hospital);
        string? Local(DateTime? at) => at is { } utc ? hospital.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
        return
        [
            new("fault.code", t => t.Code),
            new("fault.reported_at", t => Local(t.CreatedAt)),
            new("fault.title", t => t.Title),
            new("fault.description", t => t.Description),
            new("fault.system", t => t.SystemId is { } s ? systems.GetValueOrDefault(s) : null),
            new("fault.location", t => t.Location),
            new("fault.status", t => t.Status.ToString()),
            new("fault.assignee", t => t.AssigneeAccountId is { } a ? accounts.GetValueOrDefault(a) : null),
            new("fault.cause", t => t.Cause?.ToString()),
            new("fault.root_cause", t => t.RootCause),
            new("fault.resolution", t => t.Resolution),
            new("fault.resolved_at", t => Local(t.ResolvedAt)),
            new("fault.closed_at", t => Local(t.ClosedAt)),
        ];
    }

    private static async Task<Results<Ok<Page<FaultEntry>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] FaultFilter filter, FaultRecords records, HttpContext http, CancellationToken cancellationToken)
    {
        var query = records.Query(filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, t => t, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        return TypedResults.Ok(new Page<FaultEntry>(await records.EntriesAsync(page.Value!.Items, cancellationToken), page.Value.NextCursor));
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] FaultFilter filter, string? format, FaultRecords records, HttpContext http, CancellationToken cancellationToken)
    {
        var query = records.Query(filter, request.Q);
        IReadOnlyDictionary<long, string> systems = new Dictionary<long, string>();
        IReadOnlyDictionary<long, string> assignees = new Dictionary<long, string>();
        if (query.Succeeded)
        {
            // The names the selected faults use, looked up once: the export itself streams.
            systems = await records.SystemNamesAsync(await query.Value!.Where(t => t.SystemId != null).Select(t => t.SystemId!.Value).Distinct().ToListAsync(cancellationToken), cancellationToken);
            assignees = await records.NamesAsync(await query.Value!.Where(t => t.AssigneeAccountId != null).Select(t => t.AssigneeAccountId!.Value).Distinct().ToListAsync(cancellationToken), cancellationToken);
        }

        return ListExports.Of(http, format, query, List, request, Columns(records.Hospital, systems, assignees), "fault-register");
    }

    private static async Task<Results<Ok<FaultEntry>, NotFound>> GetAsync(long id, FaultRecords records, CancellationToken cancellationToken) =>
        await records.FindAsync(id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound();
}
