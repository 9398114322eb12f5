using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Workflow;

/// <summary>
/// Approvals over HTTP. Any signed-in account lists its own (<c>mine=pending</c>: waiting for its
/// decision; <c>mine=requested</c>: asked for by it); deciding needs being an approver of the
/// active step (else 403 <c>approval.not_an_approver</c>), withdrawing being the requester (else
/// 403 <c>approval.not_requester</c>). Policies are read and edited under their own permissions.
/// </summary>
public static class ApprovalsApi
{
    public static WebApplication MapApprovalsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var approvals = app.MapGroup("/api/v1/approvals").WithTags("Approvals").RequireAuthorization();
        approvals.MapGet("/", ListAsync).WithName("ListApprovals").WithSummary("The caller's approvals: waiting for its decision (mine=pending) or asked for by it (mine=requested).");
        approvals.MapGet("/{id:long}", GetAsync).WithName("GetApproval").WithSummary("One approval request with its steps and decisions.");
        approvals.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApproveApproval").WithSummary("Approve the active step.");
        approvals.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectApproval").WithSummary("Reject the request (a comment is required).");
        approvals.MapPost("/{id:long}/withdraw", WithdrawAsync).WithName("WithdrawApproval").WithSummary("The requester withdraws a pending request.");

        var policies = app.MapGroup("/api/v1/approval-policies").WithTags("Approvals");
        policies.MapGet("/", ListPoliciesAsync).RequirePermission(WorkflowPermissions.PoliciesRead).WithName("ListApprovalPolicies").WithSummary("The approval policy of every kind.");
        policies.MapGet("/{kind}", GetPolicyAsync).RequirePermission(WorkflowPermissions.PoliciesRead).WithName("GetApprovalPolicy").WithSummary("The approval policy of one kind.");
        policies.MapPut("/{kind}", PutPolicyAsync).RequirePermission(WorkflowPermissions.PoliciesWrite).WithName("ReplaceApprovalPolicy").WithSummary("Replace the deadline and steps of a kind's policy (If-Match).");
        return app;
    }

    private static async Task<Results<Ok<Page<ApprovalDto>>, ProblemHttpResult>> ListAsync(string? mine, [AsParameters] ListRequest request, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ApprovalListScope>(mine, ignoreCase: true, out var scope) || !Enum.IsDefined(scope) || int.TryParse(mine, out _))
        {
            return ApiProblems.From(http, Error.Invalid(ApprovalErrors.InvalidMine, "mine"));
        }

        var caller = (await current.GetAsync(cancellationToken))!;
        var page = await approvals.ListAsync(caller, scope, request, cancellationToken);
        if (!page.Succeeded)
        {
            return ApiProblems.From(http, page.Error!);
        }

        var items = await approvals.DescribeAsync(page.Value!.Items, cancellationToken);
        return TypedResults.Ok(new Page<ApprovalDto>(items, page.Value.NextCursor));
    }

    private static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> GetAsync(long id, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var request = await approvals.FindVisibleAsync(id, caller, cancellationToken);
        if (request is null)
        {
            return ApiProblems.From(http, Error.NotFound(ApprovalErrors.NotFound));
        }

        Versioning.SetETag(http.Response, request.Version);
        return TypedResults.Ok((await approvals.DescribeAsync([request], cancellationToken))[0]);
    }

    private static Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> ApproveAsync(long id, DecisionInput? input, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken) =>
        DecideAsync(id, ApprovalVerdict.Approve, input, approvals, current, http, cancellationToken);

    private static Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> RejectAsync(long id, DecisionInput? input, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken) =>
        DecideAsync(id, ApprovalVerdict.Reject, input, approvals, current, http, cancellationToken);

    private static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> WithdrawAsync(long id, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var withdrawn = await approvals.WithdrawAsync(id, caller, cancellationToken);
        return await AnswerAsync(withdrawn, approvals, http, cancellationToken);
    }

    private static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> DecideAsync(long id, ApprovalVerdict verdict, DecisionInput? input, ApprovalService approvals, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var decided = await approvals.DecideAsync(id, caller, verdict, input?.Comment, cancellationToken);
        return await AnswerAsync(decided, approvals, http, cancellationToken);
    }

    private static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> AnswerAsync(Result<ApprovalRequest> result, ApprovalService approvals, HttpContext http, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return ApiProblems.From(http, result.Error!);
        }

        Versioning.SetETag(http.Response, result.Value!.Version);
        return TypedResults.Ok((await approvals.DescribeAsync([result.Value], cancellationToken))[0]);
    }

    private static async Task<Ok<List<ApprovalPolicyDto>>> ListPoliciesAsync(ApprovalPolicyService policies, CancellationToken cancellationToken) =>
        TypedResults.Ok((await policies.ListAsync(cancellationToken)).Select(ApprovalPolicyDto.From).ToList());

    private static async Task<Results<Ok<ApprovalPolicyDto>, ProblemHttpResult>> GetPolicyAsync(string kind, ApprovalPolicyService policies, HttpContext http, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(kind, cancellationToken);
        if (policy is null)
        {
            return ApiProblems.From(http, Error.NotFound(ApprovalErrors.PolicyNotFound));
        }

        Versioning.SetETag(http.Response, policy.Version);
        return TypedResults.Ok(ApprovalPolicyDto.From(policy));
    }

    private static async Task<Results<Ok<ApprovalPolicyDto>, ProblemHttpResult>> PutPolicyAsync(string kind, ApprovalPolicyInput input, ApprovalPolicyService policies, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var policy = await policies.FindAsync(kind, cancellationToken);
        if (policy is null)
        {
            return ApiProblems.From(http, Error.NotFound(ApprovalErrors.PolicyNotFound));
        }

        if (Versioning.Expect(http.Request, db.Entry(policy)) is { } precondition)
        {
            return ApiProblems.From(http, precondition);
        }

        var saved = await policies.ReplaceAsync(policy, input, cancellationToken);
        if (!saved.Succeeded)
        {
            return ApiProblems.From(http, saved.Error!);
        }

        Versioning.SetETag(http.Response, saved.Value!.Version);
        return TypedResults.Ok(ApprovalPolicyDto.From(saved.Value));
    }
}
