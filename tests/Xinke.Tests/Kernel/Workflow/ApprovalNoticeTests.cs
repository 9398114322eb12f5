using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Workflow;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>Approvers hear of a request waiting for them, and the requester of its outcome, in the decision's own transaction.</summary>
public abstract class ApprovalNoticeTests(DatabaseKind kind) : ApprovalTest(kind)
{
    public sealed class OnSqlite() : ApprovalNoticeTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ApprovalNoticeTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_approvers_of_the_active_step_are_told_and_then_the_requester_hears_the_outcome()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var engineer = await CreateUserAsync("engineer", BuiltInRoles.ItEngineer);
        var (_, request) = await StartAsync(requester.Id);

        var waiting = Assert.Single(await InboxAsync(director.Id));
        Assert.Equal(ApprovalNotices.WaitingKind, waiting.Kind);
        Assert.Contains(request.Code, waiting.Title, StringComparison.Ordinal);
        Assert.Equal("/approvals", waiting.Link);
        Assert.Empty(await InboxAsync(engineer.Id));
        Assert.Empty(await InboxAsync(requester.Id));

        await ReadAsync(await ApproveAsync(await SignInAsync(director), request.Id, "同意"));

        var closed = Assert.Single(await InboxAsync(requester.Id));
        Assert.Equal(ApprovalNotices.ClosedKind, closed.Kind);
        Assert.Equal($"/approvals/{request.Id}", closed.Link);
        Assert.Contains("已同意", closed.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_that_rolls_back_leaves_no_notice()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var (_, request) = await StartAsync(requester.Id);

        Failure.Mode = ApprovalProbeFailure.Kind.ReturnsError;
        await ApproveAsync(await SignInAsync(director), request.Id);

        Assert.Empty(await InboxAsync(requester.Id));
    }

    private Task<List<InboxItem>> InboxAsync(long accountId) =>
        WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(i => i.AccountId == accountId).ToListAsync(Cancel));
}
