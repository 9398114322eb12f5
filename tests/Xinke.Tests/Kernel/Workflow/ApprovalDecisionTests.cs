using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>The rules of deciding: who may, how often, when, and that the subject's module agrees with the outcome.</summary>
public abstract class ApprovalDecisionTests(DatabaseKind kind) : ApprovalTest(kind)
{
    public sealed class OnSqlite() : ApprovalDecisionTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ApprovalDecisionTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_requester_may_not_approve_their_own_request()
    {
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var (probeId, request) = await StartAsync(director.Id);

        var response = await ApproveAsync(await SignInAsync(director), request.Id, "自己批准");

        var problem = await Problems.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(ApprovalErrors.SelfApproval, problem.Code);
        Assert.Empty((await StoredAsync(request.Id)).Decisions);
        Assert.Equal("submitted", await ProbeNameAsync(probeId));
    }

    [Fact]
    public async Task No_one_decides_twice_in_one_request()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var first = await SignInAsync(await CreateUserAsync("director1", BuiltInRoles.ItDirector));
        var second = await SignInAsync(await CreateUserAsync("director2", BuiltInRoles.ItDirector));
        var (probeId, request) = await StartAsync(requester.Id, ApprovalProbe.QuorumKind);

        var once = await ReadAsync(await ApproveAsync(first, request.Id));
        var twice = await ApproveAsync(first, request.Id);

        Assert.Equal(ApprovalState.Pending, once.State);
        Assert.Equal(1, once.Steps[0].Approvals);
        Assert.Equal(ApprovalErrors.AlreadyDecided, (await Problems.ReadAsync(twice, HttpStatusCode.Conflict)).Code);
        Assert.Single((await StoredAsync(request.Id)).Decisions);
        Assert.Equal("submitted", await ProbeNameAsync(probeId));

        var quorum = await ReadAsync(await ApproveAsync(second, request.Id));
        Assert.Equal(ApprovalState.Approved, quorum.State);
        Assert.Equal("approved", await ProbeNameAsync(probeId));
    }

    [Fact]
    public async Task An_approver_who_lost_the_permission_before_deciding_is_refused()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var client = await SignInAsync(director);
        var (probeId, request) = await StartAsync(requester.Id);
        Assert.Single((await ListAsync(client, "pending")).Items);

        await WithDbAsync(db => db.Set<RoleAssignment>().Where(a => a.AccountId == director.Id).ExecuteDeleteAsync(Cancel));
        var response = await ApproveAsync(client, request.Id);

        Assert.Equal(ApprovalErrors.NotAnApprover, (await Problems.ReadAsync(response, HttpStatusCode.Forbidden)).Code);
        var stored = await StoredAsync(request.Id);
        Assert.Equal(ApprovalState.Pending, stored.State);
        Assert.Empty(stored.Decisions);
        Assert.Equal("submitted", await ProbeNameAsync(probeId));
    }

    [Fact]
    public async Task A_failing_outcome_handler_rolls_back_the_decision_with_the_subject()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var client = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var (probeId, request) = await StartAsync(requester.Id);

        Failure.Mode = ApprovalProbeFailure.Kind.ReturnsError;
        var refused = await ApproveAsync(client, request.Id, "同意报废");
        Assert.Equal(ApprovalProbe.FailureCode, (await Problems.ReadAsync(refused, HttpStatusCode.Conflict)).Code);
        await AssertUntouchedAsync();

        Failure.Mode = ApprovalProbeFailure.Kind.Throws;
        var failed = await ApproveAsync(client, request.Id, "同意报废");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await AssertUntouchedAsync();

        Failure.Mode = ApprovalProbeFailure.Kind.None;
        var approved = await ReadAsync(await ApproveAsync(client, request.Id, "同意报废"));
        Assert.Equal(ApprovalState.Approved, approved.State);
        Assert.Equal("approved", await ProbeNameAsync(probeId));

        async Task AssertUntouchedAsync()
        {
            var stored = await StoredAsync(request.Id);
            Assert.Equal(ApprovalState.Pending, stored.State);
            Assert.Empty(stored.Decisions);
            Assert.Equal(ApprovalStepState.Active, stored.Steps.Single().State);
            Assert.Equal("submitted", await ProbeNameAsync(probeId));
        }
    }

    [Fact]
    public async Task A_decision_records_who_when_why_and_the_permission_that_allowed_it()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var (_, request) = await StartAsync(requester.Id);

        var approved = await ReadAsync(await ApproveAsync(await SignInAsync(director), request.Id, "同意报废"));

        var decision = Assert.Single(approved.Decisions);
        Assert.Equal(director.Id, decision.Approver.Id);
        Assert.Equal("同意报废", decision.Comment);
        Assert.Equal(WorkflowPermissions.DecideAsDirector, decision.Permission);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, decision.DecidedAt, TimeSpan.FromMilliseconds(1));
        var audited = await WithDbAsync(db => db.Set<Xinke.Kernel.Audit.AuditEvent>().AsNoTracking()
            .Where(e => e.EntityType == nameof(ApprovalDecision)).Select(e => new { e.ActorId, e.Changes }).ToListAsync(Cancel));
        var audit = Assert.Single(audited);
        Assert.Equal(director.Id, audit.ActorId);
        Assert.Contains(WorkflowPermissions.DecideAsDirector, audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_needs_a_comment_and_rejects_the_whole_request()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var client = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var (probeId, request) = await StartAsync(requester.Id, amount: 50000m);

        var bare = await RejectAsync(client, request.Id, null);
        var missing = await Problems.ReadAsync(bare, HttpStatusCode.BadRequest);
        Assert.Equal(ApprovalErrors.CommentRequired, missing.Code);
        Assert.Equal(["comment"], missing.Errors.Keys);

        var rejected = await ReadAsync(await RejectAsync(client, request.Id, "设备仍可维修"));

        Assert.Equal(ApprovalState.Rejected, rejected.State);
        Assert.Equal([ApprovalStepState.Rejected, ApprovalStepState.Waiting], rejected.Steps.Select(s => s.State));
        Assert.Equal("rejected", await ProbeNameAsync(probeId));
        var again = await ApproveAsync(await SignInAsync(await CreateUserAsync("director2", BuiltInRoles.ItDirector)), request.Id);
        Assert.Equal(ApprovalErrors.NotPending, (await Problems.ReadAsync(again, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Leadership_signs_only_above_the_policy_threshold_and_after_the_director()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var leader = await SignInAsync(await CreateUserAsync("leader", BuiltInRoles.Leadership));
        var (_, small) = await StartAsync(requester.Id, amount: ApprovalProbe.LeadershipAbove);
        var (probeId, large) = await StartAsync(requester.Id, amount: ApprovalProbe.LeadershipAbove + 1);

        Assert.Single((await StoredAsync(small.Id)).Steps);
        Assert.Equal(2, (await StoredAsync(large.Id)).Steps.Count);
        Assert.Empty((await ListAsync(leader, "pending")).Items);
        Assert.Equal(ApprovalErrors.NotAnApprover, (await Problems.ReadAsync(await ApproveAsync(leader, large.Id), HttpStatusCode.Forbidden)).Code);

        var afterDirector = await ReadAsync(await ApproveAsync(director, large.Id));
        Assert.Equal(ApprovalState.Pending, afterDirector.State);
        Assert.Equal([ApprovalStepState.Approved, ApprovalStepState.Active], afterDirector.Steps.Select(s => s.State));
        Assert.Equal([small.Id], (await ListAsync(director, "pending")).Items.Select(i => i.Id));
        Assert.Equal([large.Id], (await ListAsync(leader, "pending")).Items.Select(i => i.Id));

        var approved = await ReadAsync(await ApproveAsync(leader, large.Id));
        Assert.Equal(ApprovalState.Approved, approved.State);
        Assert.Equal("approved", await ProbeNameAsync(probeId));
    }

    [Fact]
    public async Task A_department_limited_step_admits_the_head_of_the_subjects_department_only()
    {
        long cardiology;
        long surgery;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var departments = scope.ServiceProvider.GetRequiredService<Xinke.Kernel.Departments.DepartmentService>();
            var hospital = (await departments.CreateAsync("信科医院", null, Xinke.Kernel.Departments.DepartmentKind.Hospital, Cancel)).Value!.Id;
            cardiology = (await departments.CreateAsync("心内科", hospital, Xinke.Kernel.Departments.DepartmentKind.Department, Cancel)).Value!.Id;
            surgery = (await departments.CreateAsync("外科", hospital, Xinke.Kernel.Departments.DepartmentKind.Department, Cancel)).Value!.Id;
        }

        var requester = await CreateUserAsync("requester", $"{BuiltInRoles.Staff}@{cardiology}");
        var ownHead = await SignInAsync(await CreateUserAsync("head-cardio", $"{BuiltInRoles.DeptHead}@{cardiology}"));
        var otherHead = await SignInAsync(await CreateUserAsync("head-surgery", $"{BuiltInRoles.DeptHead}@{surgery}"));
        var (probeId, request) = await StartAsync(requester.Id, ApprovalProbe.DepartmentKind, departmentId: cardiology);

        Assert.Empty((await ListAsync(otherHead, "pending")).Items);
        Assert.Equal(ApprovalErrors.NotAnApprover, (await Problems.ReadAsync(await ApproveAsync(otherHead, request.Id), HttpStatusCode.Forbidden)).Code);
        Assert.Equal([request.Id], (await ListAsync(ownHead, "pending")).Items.Select(i => i.Id));

        var approved = await ReadAsync(await ApproveAsync(ownHead, request.Id));
        Assert.Equal(ApprovalState.Approved, approved.State);
        Assert.Equal(WorkflowPermissions.DecideAsDepartmentHead, approved.Decisions.Single().Permission);
        Assert.Equal("approved", await ProbeNameAsync(probeId));
    }

    [Fact]
    public async Task Only_the_requester_withdraws_and_the_subject_is_told()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var (probeId, request) = await StartAsync(requester.Id);

        var byOther = await PostAsync(director, $"/api/v1/approvals/{request.Id}/withdraw");
        Assert.Equal(ApprovalErrors.NotRequester, (await Problems.ReadAsync(byOther, HttpStatusCode.Forbidden)).Code);

        var withdrawn = await ReadAsync(await PostAsync(await SignInAsync(requester), $"/api/v1/approvals/{request.Id}/withdraw"));

        Assert.Equal(ApprovalState.Withdrawn, withdrawn.State);
        Assert.Equal("withdrawn", await ProbeNameAsync(probeId));
        Assert.Equal(ApprovalErrors.NotPending, (await Problems.ReadAsync(await ApproveAsync(director, request.Id), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task Overdue_requests_expire_and_a_late_decision_is_refused()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var (firstProbe, first) = await StartAsync(requester.Id);
        var (secondProbe, second) = await StartAsync(requester.Id);
        Assert.True(first.Deadline > Clock.GetUtcNow().UtcDateTime.AddHours(16), "16 office hours span more than 16 hours of the clock");

        Clock.SetUtcNow(new DateTimeOffset(first.Deadline, TimeSpan.Zero).AddMinutes(1));
        var late = await ApproveAsync(await SignInAsync(director), first.Id);
        Assert.Equal(ApprovalErrors.NotPending, (await Problems.ReadAsync(late, HttpStatusCode.Conflict)).Code);
        Assert.Equal(ApprovalState.Expired, (await StoredAsync(first.Id)).State);
        Assert.Equal("expired", await ProbeNameAsync(firstProbe));

        await using var scope = App.Services.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<ApprovalService>().ExpireOverdueAsync(Cancel);

        Assert.Equal(1, expired);
        Assert.Equal(ApprovalState.Expired, (await StoredAsync(second.Id)).State);
        Assert.Equal("expired", await ProbeNameAsync(secondProbe));
    }
}
