using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.Access.Reviews;

/// <summary>Access review campaigns: <c>/api/v1/access-reviews</c>.</summary>
public static class AccessReviewsApi
{
    public static readonly ListDefinition<AccessReviewCampaign> Campaigns = new ListDefinition<AccessReviewCampaign>("access-reviews", c => c.Id, "-id")
        .SortBy("id", c => c.Id);

    public static readonly ListDefinition<AccessReviewLine> Lines = new ListDefinition<AccessReviewLine>("access-review-lines", l => l.Id, "id")
        .SortBy("id", l => l.Id);

    public static readonly ExportColumn<AccessReviewReportRow>[] ReportColumns =
    [
        new("access_review.department", r => r.DepartmentName),
        new("access_review.lines", r => r.Lines),
        new("access_review.confirmed", r => r.Confirmed),
        new("access_review.revoked", r => r.Revoked),
        new("access_review.unanswered", r => r.Unanswered),
        new("access_review.flagged", r => r.Flagged),
    ];

    public static WebApplication MapAccessReviewsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/access-reviews").WithTags("Access");
        group.MapGet("/", ListAsync).RequirePermission(AccessPermissions.ReviewsRead).WithName("ListAccessReviews").WithSummary("Access review campaigns, newest first.");
        group.MapPost("/", OpenAsync).RequirePermission(AccessPermissions.ReviewsManage).WithName("OpenAccessReview").WithSummary("Open the campaign of a quarter (the current one when no period is given).");
        group.MapGet("/{id:long}", GetAsync).RequirePermission(AccessPermissions.ReviewsRead).WithName("GetAccessReview").WithSummary("One campaign.");
        group.MapGet("/{id:long}/lines", LinesAsync).RequirePermission(AccessPermissions.ReviewsRead).WithName("ListAccessReviewLines").WithSummary("The campaign's lines the caller reviews (a liaison: their department's).");
        group.MapPost("/{id:long}/lines/{lineId:long}/confirm", (long id, long lineId, AnswerInput input, AccessReviews reviews, HttpContext http, CancellationToken ct) => AnswerAsync(reviews.AnswerAsync(id, lineId, ReviewAnswer.Confirmed, input.Reason, ct), http))
            .RequirePermission(AccessPermissions.ReviewsAnswer).WithName("ConfirmAccessReviewLine").WithSummary("Confirm that the account keeps the role (reason optional).");
        group.MapPost("/{id:long}/lines/{lineId:long}/revoke", (long id, long lineId, AnswerInput input, AccessReviews reviews, HttpContext http, CancellationToken ct) => AnswerAsync(reviews.AnswerAsync(id, lineId, ReviewAnswer.Revoked, input.Reason, ct), http))
            .RequirePermission(AccessPermissions.ReviewsAnswer).WithName("RevokeAccessReviewLine").WithSummary("Revoke the role at once, saying why (audited).");
        group.MapPost("/{id:long}/close", CloseAsync).RequirePermission(AccessPermissions.ReviewsManage).WithName("CloseAccessReview").WithSummary("Close the campaign; unanswered lines are reported as such.");
        group.MapGet("/{id:long}/report", ReportAsync).RequirePermission(AccessPermissions.ReviewsRead).WithName("GetAccessReviewReport").WithSummary("Per department: lines, confirmed, revoked, unanswered, flagged.");
        group.MapGet("/{id:long}/report/export", ExportReportAsync).RequirePermission(AccessPermissions.ReviewsRead).WithName("ExportAccessReviewReport").WithSummary("The report as xlsx or csv.");
        return app;
    }

    /// <summary>The visible lines of a campaign under the filters; shared by the API and the page.</summary>
    public static async Task<Result<IQueryable<AccessReviewLine>>> LinesQueryAsync(AccessReviews reviews, long campaignId, AccessReviewLineFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(filter);
        var query = (await reviews.VisibleLinesAsync(cancellationToken)).AsNoTracking().Where(l => l.CampaignId == campaignId);
        if (filter.Answer is not null)
        {
            if (!Enum.TryParse<ReviewAnswer>(filter.Answer, ignoreCase: true, out var answer) || !Enum.IsDefined(answer))
            {
                return Error.Invalid("request.invalid", "answer");
            }

            query = query.Where(l => l.Answer == answer);
        }

        if (filter.DepartmentId is { } department)
        {
            query = query.Where(l => l.DepartmentId == department);
        }

        if (filter.Flagged == true)
        {
            query = query.Where(l => l.Inactive || l.Left || l.ExpiredGrant);
        }

        return Result<IQueryable<AccessReviewLine>>.Success(query);
    }

    private static async Task<Results<Ok<Page<AccessReviewCampaignDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest request, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await Campaigns.PageAsync(db.Set<AccessReviewCampaign>().AsNoTracking(), request, AccessReviewCampaignDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Created<AccessReviewCampaignDto>, ProblemHttpResult>> OpenAsync(OpenCampaignInput input, AccessReviews reviews, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var opened = await reviews.OpenAsync(input.Period, caller?.Id, cancellationToken);
        if (!opened.Succeeded)
        {
            return ApiProblems.From(http, opened.Error!);
        }

        Versioning.SetETag(http.Response, opened.Value!.Version);
        return TypedResults.Created($"/api/v1/access-reviews/{opened.Value.Id}", AccessReviewCampaignDto.From(opened.Value));
    }

    private static async Task<Results<Ok<AccessReviewCampaignDto>, NotFound>> GetAsync(long id, AccessReviews reviews, HttpContext http, CancellationToken cancellationToken)
    {
        var campaign = await reviews.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return TypedResults.NotFound();
        }

        Versioning.SetETag(http.Response, campaign.Version);
        return TypedResults.Ok(AccessReviewCampaignDto.From(campaign));
    }

    private static async Task<Results<Ok<Page<AccessReviewLineDto>>, NotFound, ProblemHttpResult>> LinesAsync(long id, [AsParameters] ListRequest request, [AsParameters] AccessReviewLineFilter filter, AccessReviews reviews, HttpContext http, CancellationToken cancellationToken)
    {
        if (await reviews.FindAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var query = await LinesQueryAsync(reviews, id, filter, cancellationToken);
        if (!query.Succeeded)
        {
            return ApiProblems.From(http, query.Error!);
        }

        var page = await Lines.PageAsync(query.Value!, request, AccessReviewLineDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<AccessReviewLineDto>, ProblemHttpResult>> AnswerAsync(Task<Result<AccessReviewLine>> answer, HttpContext http)
    {
        var answered = await answer;
        return answered.Succeeded ? TypedResults.Ok(AccessReviewLineDto.From(answered.Value!)) : ApiProblems.From(http, answered.Error!);
    }

    private static async Task<Results<Ok<AccessReviewCampaignDto>, ProblemHttpResult>> CloseAsync(long id, AccessReviews reviews, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var closed = await reviews.CloseAsync(id, caller?.Id, cancellationToken);
        if (!closed.Succeeded)
        {
            return ApiProblems.From(http, closed.Error!);
        }

        Versioning.SetETag(http.Response, closed.Value!.Version);
        return TypedResults.Ok(AccessReviewCampaignDto.From(closed.Value));
    }

    private static async Task<Results<Ok<IReadOnlyList<AccessReviewReportRow>>, NotFound>> ReportAsync(long id, AccessReviews reviews, CancellationToken cancellationToken) =>
        await reviews.FindAsync(id, cancellationToken) is null ? TypedResults.NotFound() : TypedResults.Ok(await reviews.ReportAsync(id, cancellationToken));

    private static async Task<IResult> ExportReportAsync(long id, string? format, AccessReviews reviews, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        var campaign = await reviews.FindAsync(id, cancellationToken);
        if (campaign is null)
        {
            return TypedResults.NotFound();
        }

        var rows = await reviews.ReportAsync(id, cancellationToken);
        return new ExportResult<AccessReviewReportRow>(rows.ToAsyncEnumerable(), ReportColumns, parsed.Value, $"access-review-{campaign.Period}");
    }
}
