using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Staff.Trainings;

/// <summary>The training register (培训台账): <c>/api/v1/trainings</c>.</summary>
public static class TrainingsApi
{
    public static readonly ListDefinition<TrainingSession> Sessions = new ListDefinition<TrainingSession>("trainings", s => s.Id, "-heldOn")
        .SortBy("id", s => s.Id)
        .SortBy("heldOn", s => s.HeldOn)
        .SortBy("code", s => s.Code);

    public static readonly ListDefinition<TrainingAttendance> Attendance = new ListDefinition<TrainingAttendance>("training-attendance", a => a.Id, "-id")
        .SortBy("id", a => a.Id)
        .SortBy("personId", a => a.PersonId);

    public static readonly ExportColumn<TrainingSession>[] SessionColumns =
    [
        new("training.code", s => s.Code),
        new("training.kind", s => s.Kind.ToString()),
        new("training.system", s => s.SystemId),
        new("training.title", s => s.Title),
        new("training.held_on", s => s.HeldOn),
        new("training.hours", s => s.Hours),
        new("training.place", s => s.Place),
        new("training.trainer", s => s.Trainer),
        new("training.organising_department", s => s.OrganisingDepartmentId),
    ];

    public static readonly ExportColumn<TrainingAttendance>[] AttendanceColumns =
    [
        new("training.code", a => a.Session?.Code),
        new("training.kind", a => a.Session?.Kind.ToString()),
        new("training.held_on", a => a.Session?.HeldOn),
        new("training.person", a => a.PersonId),
        new("training.department", a => a.DepartmentId),
        new("training.result", a => a.Result.ToString()),
        new("training.score", a => a.Score),
        new("training.certificate_expires_on", a => a.CertificateExpiresOn),
        new("training.recorded_at", a => a.RecordedAt),
    ];

    public static WebApplication MapTrainingsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/trainings").WithTags("Trainings");
        group.MapGet("/", ListAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("ListTrainingSessions").WithSummary("Training sessions, filtered by kind, system or period.");
        group.MapGet("/export", ExportAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("ExportTrainingSessions").WithSummary("Export the sessions the same filters select (xlsx or csv).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("GetTrainingSession").WithSummary("One training session.");
        group.MapPost("/", CreateAsync).RequirePermission(StaffPermissions.TrainingsWrite).WithName("CreateTrainingSession").WithSummary("Record a training session.");
        group.MapPatch("/{id:long}", PatchAsync).RequirePermission(StaffPermissions.TrainingsWrite).WithName("EditTrainingSession").WithSummary("Change a session's details (If-Match).");
        group.MapPost("/{id:long}/attendance", EnrolAsync).RequirePermission(StaffPermissions.TrainingsWrite).WithName("EnrolTrainingAttendance").WithSummary("Enrol people in a session.");
        group.MapPost("/{id:long}/results", RecordResultsAsync).RequirePermission(StaffPermissions.TrainingsWrite).WithName("RecordTrainingResults").WithSummary("Record results of a held session, in bulk (all or nothing).");
        group.MapGet("/attendance", ListAttendanceAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("ListTrainingAttendance").WithSummary("Attendance rows within the caller's department scope.");
        group.MapGet("/attendance/export", ExportAttendanceAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("ExportTrainingAttendance").WithSummary("Export the attendance rows the same filters select (xlsx or csv).");
        group.MapGet("/people/{personId:long}", HistoryAsync).RequirePermission(StaffPermissions.TrainingsRead).WithName("GetTrainingHistory").WithSummary("A person's training history (404 outside the caller's scope).");
        return app;
    }

    /// <summary>The sessions the filters select; shared by the list, the export and the page.</summary>
    public static Result<IQueryable<TrainingSession>> QuerySessions(TrainingService trainings, SessionFilter filter, string? q)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = trainings.Sessions();
        if (filter.Kind is not null)
        {
            if (!Enum.TryParse<TrainingKind>(filter.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(filter.Kind, out _))
            {
                return Error.Invalid(TrainingErrors.InvalidKind, "kind");
            }

            query = query.Where(s => s.Kind == kind);
        }

        if (filter.SystemId is { } system)
        {
            query = query.Where(s => s.SystemId == system);
        }

        if (filter.From is { } from)
        {
            query = query.Where(s => s.HeldOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.HeldOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(s => s.Code.Contains(q) || s.Title.Contains(q) || (s.Trainer != null && s.Trainer.Contains(q)));
        }

        return Result<IQueryable<TrainingSession>>.Success(query);
    }

    /// <summary>The attendance rows the filters select within the caller's scope.</summary>
    public static async Task<Result<IQueryable<TrainingAttendance>>> QueryAttendanceAsync(TrainingService trainings, AttendanceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        ArgumentNullException.ThrowIfNull(filter);
        var query = (await trainings.VisibleAttendanceAsync(cancellationToken)).Include(a => a.Session).AsQueryable();
        if (filter.Result is not null)
        {
            if (!Enum.TryParse<AttendanceResult>(filter.Result, ignoreCase: true, out var result) || !Enum.IsDefined(result) || int.TryParse(filter.Result, out _))
            {
                return Error.Invalid(TrainingErrors.InvalidResult, "result");
            }

            query = query.Where(a => a.Result == result);
        }

        if (filter.SessionId is { } session)
        {
            query = query.Where(a => a.SessionId == session);
        }

        if (filter.PersonId is { } person)
        {
            query = query.Where(a => a.PersonId == person);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(a => a.DepartmentId == department);
        }

        return Result<IQueryable<TrainingAttendance>>.Success(query);
    }

    private static async Task<Results<Ok<Page<TrainingSessionDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] SessionFilter filter, TrainingService trainings, HttpContext http, CancellationToken cancellationToken)
    {
        var query = QuerySessions(trainings, filter, request.Q);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Sessions.PageAsync(query.Value!, request, TrainingSessionDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static IResult ExportAsync([AsParameters] ListRequest request, [AsParameters] SessionFilter filter, string? format, TrainingService trainings, HttpContext http) =>
        ListExports.Of(http, format, QuerySessions(trainings, filter, request.Q), Sessions, request, SessionColumns, "trainings");

    private static async Task<Results<Ok<TrainingSessionDto>, NotFound>> GetAsync(long id, TrainingService trainings, HttpContext http, CancellationToken cancellationToken)
    {
        var session = await trainings.FindSessionAsync(id, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, session.Version);
        return TypedResults.Ok(TrainingSessionDto.From(session));
    }

    private static async Task<Results<Created<TrainingSessionDto>, ProblemHttpResult>> CreateAsync(SessionInput input, TrainingService trainings, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await trainings.CreateAsync(input, cancellationToken);
        if (!created.Succeeded)
        {
            return ApiProblems.From(http, created.Error!);
        }

        Versioning.SetETag(http.Response, created.Value!.Version);
        return TypedResults.Created($"/api/v1/trainings/{created.Value.Id}", TrainingSessionDto.From(created.Value));
    }

    private static async Task<Results<Ok<TrainingSessionDto>, ProblemHttpResult>> PatchAsync(long id, SessionPatch patch, TrainingService trainings, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var edited = await trainings.EditAsync(id, patch, s => Versioning.Expect(http.Request, db.Entry(s)), cancellationToken);
        if (!edited.Succeeded)
        {
            return ApiProblems.From(http, edited.Error!);
        }

        Versioning.SetETag(http.Response, edited.Value!.Version);
        return TypedResults.Ok(TrainingSessionDto.From(edited.Value));
    }

    private static async Task<Results<Ok<IReadOnlyList<AttendanceDto>>, ProblemHttpResult>> EnrolAsync(long id, EnrolInput input, TrainingService trainings, HttpContext http, CancellationToken cancellationToken) =>
        Respond(await trainings.EnrolAsync(id, input.PersonIds, cancellationToken), http);

    private static async Task<Results<Ok<IReadOnlyList<AttendanceDto>>, ProblemHttpResult>> RecordResultsAsync(long id, ResultsInput input, TrainingService trainings, HttpContext http, CancellationToken cancellationToken) =>
        Respond(await trainings.RecordResultsAsync(id, input.Results, cancellationToken), http);

    private static async Task<Results<Ok<Page<AttendanceDto>>, ProblemHttpResult>> ListAttendanceAsync([AsParameters] ListRequest request, [AsParameters] AttendanceFilter filter, TrainingService trainings, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await QueryAttendanceAsync(trainings, filter, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Attendance.PageAsync(query.Value!, request, AttendanceDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAttendanceAsync([AsParameters] ListRequest request, [AsParameters] AttendanceFilter filter, string? format, TrainingService trainings, HttpContext http, CancellationToken cancellationToken) =>
        ListExports.Of(http, format, await QueryAttendanceAsync(trainings, filter, cancellationToken), Attendance, request, AttendanceColumns, "training-attendance");

    private static async Task<Results<Ok<IReadOnlyList<TrainingHistoryLine>>, NotFound>> HistoryAsync(long personId, TrainingService trainings, CancellationToken cancellationToken) =>
        await trainings.HistoryAsync(personId, cancellationToken) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    private static Results<Ok<IReadOnlyList<AttendanceDto>>, ProblemHttpResult> Respond(Result<IReadOnlyList<TrainingAttendance>> result, HttpContext http) =>
        result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<AttendanceDto>>([.. result.Value!.Select(AttendanceDto.From)])
            : ApiProblems.From(http, result.Error!);
}
