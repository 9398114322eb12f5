namespace Xinke.Kernel.Workflow;

/// <summary>
/// Implemented by a module for the approval kinds it starts, registered as a scoped service
/// (<see cref="WorkflowServices.AddApprovalOutcomeHandler{T}"/>). <see cref="ApprovalService"/>
/// calls it when a request of one of its <see cref="Kinds"/> closes, inside the transaction that
/// records the closing decision and before that transaction saves: the handler changes its
/// subject through the same scoped <c>XinkeDb</c> (it need not save). When it returns an
/// <see cref="Error"/> or throws, the decision and the subject's change roll back together, so
/// the subject's state and the request's outcome never disagree; the error is the caller's answer.
/// </summary>
public interface IApprovalOutcomeHandler
{
    /// <summary>The kinds this handler owns; a kind has exactly one handler.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    Task<Error?> OnApprovedAsync(ApprovalRequest request, CancellationToken cancellationToken);

    Task<Error?> OnRejectedAsync(ApprovalRequest request, CancellationToken cancellationToken);

    Task<Error?> OnWithdrawnAsync(ApprovalRequest request, CancellationToken cancellationToken);

    Task<Error?> OnExpiredAsync(ApprovalRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A kind's own veto of an approver, asked before any decision of <paramref name="accountId"/> on
    /// <paramref name="request"/> (for example: whoever appraised a device may not approve its scrapping).
    /// Null lets the decision go ahead; an error is the caller's answer and nothing is recorded.
    /// </summary>
    Task<Error?> RefuseApproverAsync(ApprovalRequest request, long accountId, CancellationToken cancellationToken) => Task.FromResult<Error?>(null);
}
