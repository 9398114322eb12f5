using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// Loans, returns and reservations (EQ-03): <c>/api/v1/assets/{id}/loan</c>,
/// <c>/api/v1/loans</c> (with <c>/{id}/return</c>), <c>/api/v1/assets/{id}/reservations</c> and
/// <c>/api/v1/reservations</c>. IT lends and inspects; everyone reserves for themselves and follows
/// their own loans; department roles see their departments'.
/// </summary>
public static class LoansApi
{
    public static readonly ListDefinition<AssetLoan> List = new ListDefinition<AssetLoan>("loans", l => l.Id, "-id")
        .SortBy("id", l => l.Id)
        .SortBy("dueAt", l => l.DueAt)
        .SortBy("lentAt", l => l.LentAt);

    public static readonly ListDefinition<AssetReservation> Reservations = new ListDefinition<AssetReservation>("reservations", r => r.Id, "from")
        .SortBy("id", r => r.Id)
        .SortBy("from", r => r.StartsAt);

    public static ExportColumn<AssetLoan>[] Columns(DateTime now) =>
    [
        new("loan.code", l => l.Code),
        new("loan.asset_id", l => l.AssetId),
        new("loan.borrower_person_id", l => l.BorrowerPersonId),
        new("loan.department_id", l => l.DepartmentId),
        new("loan.lent_at", l => l.LentAt),
        new("loan.due_at", l => l.DueAt),
        new("loan.condition_out", l => l.ConditionOut),
        new("loan.accessories", l => l.Accessories),
        new("loan.overdue", l => l.IsOverdueAt(now)),
        new("loan.returned_at", l => l.ReturnedAt),
        new("loan.return_condition", l => l.ReturnCondition),
        new("loan.accessories_complete", l => l.AccessoriesComplete),
        new("loan.data_wiped", l => l.DataWiped),
        new("loan.damaged", l => l.Damaged),
        new("loan.inspection_notes", l => l.InspectionNotes),
    ];

    public static WebApplication MapLoansApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = app.MapGroup("/api/v1/assets").WithTags("Loans");
        assets.MapPost("/{id:long}/loan", LendAsync).RequirePermission(AssetsPermissions.Loan).WithName("LendAsset").WithSummary("Lend a device from the store to a person until a due time (EQ-03); refused when it is not available or reserved by someone else.");
        assets.MapGet("/{id:long}/reservations", AssetReservationsAsync).RequirePermission(AssetsPermissions.Borrow).WithName("AssetReservations").WithSummary("The reservations of one device the caller reaches, soonest first.");
        assets.MapPost("/{id:long}/reservations", ReserveAsync).RequirePermission(AssetsPermissions.Borrow).WithName("ReserveAsset").WithSummary("Reserve a device for a window [from, until): for oneself, or for anyone by IT; overlaps are refused (EQ-03).");

        var loans = app.MapGroup("/api/v1/loans").WithTags("Loans");
        loans.MapGet("/", ListAsync).RequirePermission(AssetsPermissions.Borrow).WithName("ListLoans").WithSummary("Loans the caller reaches; open, overdue, borrower, departmentId and assetId filter.");
        loans.MapGet("/export", ExportAsync).RequirePermission(AssetsPermissions.Borrow).WithName("ExportLoans").WithSummary("Export what the same filters select (xlsx or csv).");
        loans.MapGet("/{id:long}", GetAsync).RequirePermission(AssetsPermissions.Borrow).WithName("GetLoan").WithSummary("One loan with its return inspection.");
        loans.MapPost("/{id:long}/return", ReturnAsync).RequirePermission(AssetsPermissions.Loan).WithName("ReturnLoan").WithSummary("Close a loan with IT's inspection (EQ-03); damage opens a repair.");

        var reservations = app.MapGroup("/api/v1/reservations").WithTags("Loans");
        reservations.MapGet("/", ListReservationsAsync).RequirePermission(AssetsPermissions.Borrow).WithName("ListReservations").WithSummary("Reservations the caller reaches; active, assetId and personId filter.");
        reservations.MapPost("/{id:long}/cancel", CancelAsync).RequirePermission(AssetsPermissions.Borrow).WithName("CancelReservation").WithSummary("Cancel a reservation: its person or IT.");
        return app;
    }

    /// <summary>The loans under the filters and the caller's scope; shared by the list, the export and the pages.</summary>
    public static async Task<Result<IQueryable<AssetLoan>>> QueryAsync(LoanService service, XinkeDb db, LoanFilter filter, string? q, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (q?.Length > ListRequest.MaxQueryLength)
        {
            return Error.Invalid("request.invalid", "q");
        }

        var query = await service.VisibleAsync(cancellationToken);
        if (filter.Open is { } open)
        {
            query = open ? query.Where(l => l.ReturnedAt == null) : query.Where(l => l.ReturnedAt != null);
        }

        if (filter.Overdue is { } overdue)
        {
            query = overdue ? query.Where(l => l.ReturnedAt == null && l.DueAt < now) : query.Where(l => l.ReturnedAt != null || l.DueAt >= now);
        }

        if (filter.Borrower is { } borrower)
        {
            query = query.Where(l => l.BorrowerPersonId == borrower);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(l => l.DepartmentId == department);
        }

        if (filter.AssetId is { } asset)
        {
            query = query.Where(l => l.AssetId == asset);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToUpperInvariant();
            query = query.Where(l => l.Code.Contains(text) || db.Set<Asset>().Any(a => a.Id == l.AssetId && a.Tag.Contains(text)));
        }

        return Result<IQueryable<AssetLoan>>.Success(query);
    }

    private static async Task<Results<Ok<Page<LoanDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, [AsParameters] LoanFilter filter, LoanService service, XinkeDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = await QueryAsync(service, db, filter, request.Q, now, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await List.PageAsync(query.Value!, request, l => LoanDto.From(l, now), cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ListRequest request, [AsParameters] LoanFilter filter, string? format, LoanService service, XinkeDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return ListExports.Of(http, format, await QueryAsync(service, db, filter, request.Q, now, cancellationToken), List, request, Columns(now), "loans");
    }

    private static async Task<Results<Ok<LoanDto>, NotFound>> GetAsync(long id, LoanService service, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var loan = await service.FindAsync(id, cancellationToken);
        if (loan is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, loan.Version);
        return TypedResults.Ok(LoanDto.From(loan, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Created<LoanDto>, ProblemHttpResult>> LendAsync(long id, LoanInput input, LoanService service, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var lent = await service.LendAsync(id, input, cancellationToken);
        if (!lent.Succeeded)
        {
            return ApiProblems.From(http, lent.Error!);
        }

        Versioning.SetETag(http.Response, lent.Value!.Version);
        return TypedResults.Created($"/api/v1/loans/{lent.Value.Id}", LoanDto.From(lent.Value, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The body is optional so that a return without any inspection is answered 400 naming EQ-03, not as malformed JSON.</summary>
    private static async Task<Results<Ok<LoanDto>, ProblemHttpResult>> ReturnAsync(long id, ReturnInput? input, LoanService service, XinkeDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var returned = await service.ReturnAsync(id, input, l => http.Request.Headers.IfMatch.Count == 0 ? null : Versioning.Expect(http.Request, db.Entry(l)), cancellationToken);
        if (!returned.Succeeded)
        {
            return ApiProblems.From(http, returned.Error!);
        }

        Versioning.SetETag(http.Response, returned.Value!.Version);
        return TypedResults.Ok(LoanDto.From(returned.Value, clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReservationDto>>, NotFound>> AssetReservationsAsync(long id, ReservationService service, AssetRegister register, CancellationToken cancellationToken)
    {
        var visible = await service.VisibleAsync(cancellationToken);
        var reservations = await visible.Where(r => r.AssetId == id).OrderBy(r => r.StartsAt).ThenBy(r => r.Id).Take(ListRequest.MaxLimit).ToListAsync(cancellationToken);
        if (reservations.Count == 0 && await register.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<IReadOnlyList<ReservationDto>>([.. reservations.Select(ReservationDto.Of)]);
    }

    private static async Task<Results<Created<ReservationDto>, ProblemHttpResult>> ReserveAsync(long id, ReservationInput input, ReservationService service, HttpContext http, CancellationToken cancellationToken)
    {
        var reserved = await service.ReserveAsync(id, input, cancellationToken);
        if (!reserved.Succeeded)
        {
            return ApiProblems.From(http, reserved.Error!);
        }

        Versioning.SetETag(http.Response, reserved.Value!.Version);
        return TypedResults.Created($"/api/v1/reservations?assetId={id}", ReservationDto.Of(reserved.Value));
    }

    private static async Task<Results<Ok<Page<ReservationDto>>, ProblemHttpResult>> ListReservationsAsync([AsParameters] ListRequest request, bool? active, long? assetId, long? personId, ReservationService service, HttpContext http, CancellationToken cancellationToken)
    {
        var query = await service.VisibleAsync(cancellationToken);
        if (active is { } isActive)
        {
            query = isActive ? query.Where(r => r.CancelledAt == null) : query.Where(r => r.CancelledAt != null);
        }

        if (assetId is { } asset)
        {
            query = query.Where(r => r.AssetId == asset);
        }

        if (personId is { } person)
        {
            query = query.Where(r => r.PersonId == person);
        }

        var page = await Reservations.PageAsync(query, request, ReservationDto.Of, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<ReservationDto>, ProblemHttpResult>> CancelAsync(long id, ReservationService service, HttpContext http, CancellationToken cancellationToken)
    {
        var cancelled = await service.CancelAsync(id, cancellationToken);
        if (!cancelled.Succeeded)
        {
            return ApiProblems.From(http, cancelled.Error!);
        }

        Versioning.SetETag(http.Response, cancelled.Value!.Version);
        return TypedResults.Ok(ReservationDto.Of(cancelled.Value));
    }
}
