using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>The service desk's tickets: <c>/api/v1/tickets</c>.</summary>
public static class TicketsApi
{
    public static readonly ListDefinition<Ticket> List = new ListDefinition<Ticket>("tickets", t => t.Id, "-id")
        .SortBy("id", t => t.Id)
        .SortBy("createdAt", t => t.CreatedAt)
        .SortBy("resolutionDueAt", t => t.ResolutionDueAt);

    /// <summary>The export: public fields only, never a comment.</summary>
    public static readonly ExportColumn<Ticket>[] Columns =
    [
        new("ticket.code", t => t.Code),
        new("ticket.kind", t => t.Kind.ToString()),
        new("ticket.title", t => t.Title),
        new("ticket.status", t => t.Status.ToString()),
        new("ticket.priority", t => t.Priority.ToString()),
        new("ticket.department", t => t.DepartmentId),
        new("ticket.system", t => t.SystemId),
        new("ticket.assignee", t => t.AssigneeAccountId),
        new("ticket.cause", t => t.Cause.ToString()),
        new("ticket.resolution", t => t.Resolution),
        new("ticket.resolution_due_at", t => t.ResolutionDueAt),
        new("ticket.breached", t => t.ResponseBreached || t.ResolutionBreached),
        new("ticket.created_at", t => t.CreatedAt),
        new("ticket.resolved_at", t => t.ResolvedAt),
    ];

    public static WebApplication MapTicketsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets");
        const string read = ServiceDeskPermissions.TicketsRead;
        const string work = ServiceDeskPermissions.TicketsWork;
        group.MapGet("/", ListAsync).RequirePermission(read).WithName("ListTickets").WithSummary("The ticket queue, filtered by status, kind, priority, assignee, department, system or breach.");
        group.MapGet("/export", ExportAsync).RequirePermission(read).WithName("ExportTickets").WithSummary("Export what the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(read).WithName("GetTicket").WithSummary("One ticket.");
        group.MapPost("/", CreateAsync).RequirePermission(ServiceDeskPermissions.TicketsFile).WithName("CreateTicket").WithSummary("File a fault, service request, question or feedback.");
        group.MapPatch("/{id:long}", (long id, TicketPatch patch, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.EditAsync(id, patch, t => Versioning.Expect(http.Request, db.Entry(t)), ct), desk, http, ct))
            .RequirePermission(work).WithName("EditTicket").WithSummary("Change title, description, location, category or system (If-Match).");
        group.MapPost("/{id:long}/assign", (long id, AssignInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.AssignAsync(id, input.AssigneeId, input.GroupId, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("AssignTicket").WithSummary("Dispatch to an engineer or a group; a reassignment keeps the SLA clock.");
        group.MapPost("/{id:long}/start", (long id, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.StartAsync(id, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("StartTicket").WithSummary("An engineer takes the ticket up (the SLA response).");
        group.MapPost("/{id:long}/pend", (long id, ReasonInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.PendAsync(id, input.Reason, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("PendTicket").WithSummary("Wait, with a reason: the resolution clock stops.");
        group.MapPost("/{id:long}/resume", (long id, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.ResumeAsync(id, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("ResumeTicket").WithSummary("Work resumes: the resolution clock runs again.");
        group.MapPost("/{id:long}/priority", (long id, PriorityInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.ReprioritiseAsync(id, input.Impact, input.Urgency, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("ReprioritiseTicket").WithSummary("New impact and urgency; the new priority's target applies from now.");
        group.MapPost("/{id:long}/resolve", (long id, ResolveInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.ResolveAsync(id, input.Cause, input.RootCause, input.Resolution, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("ResolveTicket").WithSummary("Record the cause and what was done; the reporter then confirms or reopens.");
        group.MapPost("/{id:long}/confirm", (long id, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.ConfirmAsync(id, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(read).WithName("ConfirmTicket").WithSummary("The reporter confirms the resolution; the ticket closes.");
        group.MapPost("/{id:long}/close", (long id, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.CloseAsync(id, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(work).WithName("CloseTicket").WithSummary("An engineer closes a resolved ticket without the reporter's confirmation.");
        group.MapPost("/{id:long}/reopen", (long id, ReasonInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.ReopenAsync(id, input.Reason, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(read).WithName("ReopenTicket").WithSummary("Reopen within the window after the resolution, saying why.");
        group.MapPost("/{id:long}/rate", (long id, RateInput input, TicketDesk desk, XinkeDb db, HttpContext http, CancellationToken ct) =>
            RespondAsync(desk.RateAsync(id, input.Score, input.Comment, IfMatched(http, db), ct), desk, http, ct))
            .RequirePermission(read).WithName("RateTicket").WithSummary("The reporter rates the resolution, 1 to 5, once.");
        group.MapPost("/{id:long}/comments", CommentAsync).RequirePermission(read).WithName("CommentTicket").WithSummary("Add a public comment, or an internal one (engineers only).");
        group.MapGet("/{id:long}/timeline", TimelineAsync).RequirePermission(read).WithName("TicketTimeline").WithSummary("Everything that happened to the ticket; internal comments for engineers only.");
        return app;
    }

    /// <summary>The queue's query under the caller's visibility and the filters; shared by the list, the export and the pages.</summary>
    public static async Task<Result<IQueryable<Ticket>>> QueryAsync(TicketDesk desk, TicketFilter filter, string? q, DateTime now, long me, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = (await desk.VisibleAsync(cancellationToken)).AsNoTracking();
        if (filter.Status is not null)
        {
            if (!TicketEnums.TryParse<TicketStatus>(filter.Status, out var status))
            {
                return Error.Invalid(TicketErrors.InvalidStatus, "status");
            }

            query = query.Where(t => t.Status == status);
        }

        if (filter.Kind is not null)
        {
            if (!TicketEnums.TryParse<TicketKind>(filter.Kind, out var kind))
            {
                return Error.Invalid(TicketErrors.InvalidKind, "kind");
            }

            query = query.Where(t => t.Kind == kind);
        }

        if (filter.Priority is not null)
        {
            if (!TicketEnums.TryParse<TicketPriority>(filter.Priority, out var priority))
            {
                return Error.Invalid(TicketErrors.InvalidPriority, "priority");
            }

            query = query.Where(t => t.Priority == priority);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(t => t.AssigneeAccountId == assignee);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(t => t.DepartmentId == department);
        }

        if (filter.SystemId is { } system)
        {
            query = query.Where(t => t.SystemId == system);
        }

        if (filter.Mine == true)
        {
            query = query.Where(t => t.ReporterAccountId == me || t.FiledByAccountId == me);
        }

        if (filter.Breached is { } breached)
        {
            // The stored flags may lag the job by a few minutes; a due time already passed counts as well.
            query = breached
                ? query.Where(t => t.ResponseBreached || t.ResolutionBreached || (t.ResponseDueAt != null && t.ResponseDueAt < now) || (t.ResolutionDueAt != null && t.ResolutionDueAt < now))
                : query.Where(t => !t.ResponseBreached && !t.ResolutionBreached && !(t.ResponseDueAt != null && t.ResponseDueAt < now) && !(t.ResolutionDueAt != null && t.ResolutionDueAt < now));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(t => t.Code.Contains(q) || t.Title.Contains(q));
        }

        return Result<IQueryable<Ticket>>.Success(query);
    }

    private static async Task<Results<Ok<Page<TicketDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] TicketFilter filter, TicketDesk desk, CurrentCaller current, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var query = await QueryAsync(desk, filter, request.Q, clock.GetUtcNow().UtcDateTime, caller?.Id ?? 0, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, t => TicketDto.From(t), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] TicketFilter filter, string? format, TicketDesk desk, CurrentCaller current, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        return ListExports.Of(http, format, await QueryAsync(desk, filter, request.Q, clock.GetUtcNow().UtcDateTime, caller?.Id ?? 0, cancellationToken), List, request, Columns, "tickets");
    }

    private static async Task<Results<Ok<TicketDto>, NotFound>> GetAsync(long id, TicketDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var ticket = await desk.FindAsync(id, cancellationToken);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, ticket.Version);
        return TypedResults.Ok(TicketDto.From(ticket, await desk.AssetsOfAsync(id, cancellationToken)));
    }

    private static async Task<Results<Created<TicketDto>, ProblemHttpResult>> CreateAsync(TicketInput input, TicketDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await desk.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        var ticket = created.Value!;
        Versioning.SetETag(http.Response, ticket.Version);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", TicketDto.From(ticket, await desk.AssetsOfAsync(ticket.Id, cancellationToken)));
    }

    private static async Task<Results<Created<TicketCommentDto>, ProblemHttpResult>> CommentAsync(long id, CommentInput input, TicketDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var added = await desk.CommentAsync(id, input.Text, input.Internal, cancellationToken);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/tickets/{id}/timeline", TicketCommentDto.From(added.Value!))
            : ApiProblems.From(http, added.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> TimelineAsync(long id, TicketDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var timeline = await desk.TimelineAsync(id, cancellationToken);
        return timeline.Succeeded ? TypedResults.Ok(timeline.Value) : ApiProblems.From(http, timeline.Error!);
    }

    /// <summary>Verbs take an optional If-Match: a client that sends one is refused on a stale version.</summary>
    private static TicketPrecondition IfMatched(HttpContext http, XinkeDb db) =>
        t => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(t));

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> RespondAsync(Task<Result<Ticket>> change, TicketDesk desk, HttpContext http, CancellationToken cancellationToken)
    {
        var changed = await change;
        if (!changed.Succeeded)
        {
            return ApiProblems.From(http, changed.Error!);
        }

        Versioning.SetETag(http.Response, changed.Value!.Version);
        return TypedResults.Ok(TicketDto.From(changed.Value, await desk.AssetsOfAsync(changed.Value.Id, cancellationToken)));
    }
}
