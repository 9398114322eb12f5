using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>Policies: declared defaults stored when missing, edited by the IT director under If-Match, validated per field.</summary>
public abstract partial class ApprovalPolicyTests(DatabaseKind kind) : ApprovalTest(kind)
{
    public sealed class OnSqlite() : ApprovalPolicyTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ApprovalPolicyTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_declared_defaults_are_listed_for_the_it_director()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var policies = await director.GetFromJsonAsync<List<ApprovalPolicyDto>>("/api/v1/approval-policies", Json, Cancel);

        Assert.Equal([ApprovalProbe.DepartmentKind, ApprovalProbe.Kind, ApprovalProbe.QuorumKind], policies!.Select(p => p.Kind).Where(k => k.StartsWith("test.", StringComparison.Ordinal)));
        var probe = policies!.Single(p => p.Kind == ApprovalProbe.Kind);
        Assert.Equal([WorkflowPermissions.DecideAsDirector, WorkflowPermissions.DecideAsLeadership], probe.Steps.Select(s => s.Permission));
        Assert.Equal([null, ApprovalProbe.LeadershipAbove], probe.Steps.Select(s => s.MinAmount));
    }

    [Fact]
    public async Task A_kind_without_a_policy_cannot_start_and_leaves_nothing_behind()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);

        var started = await scope.ServiceProvider.GetRequiredService<ApprovalService>()
            .StartAsync(new ApprovalSubject("test", "probe", "1", null, "无策略的申请", null), ApprovalProbe.UnregulatedKind, requester.Id, null, Cancel);

        Assert.Equal(ApprovalErrors.NoPolicy, started.Error?.Code);
        Assert.Empty(db.ChangeTracker.Entries<ApprovalRequest>());
    }

    [Fact]
    public async Task An_edit_needs_the_current_version_and_changes_later_requests_only()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var leader = await CreateUserAsync("leader", BuiltInRoles.Leadership);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var (_, before) = await StartAsync(requester.Id);
        var current = await director.GetAsync($"/api/v1/approval-policies/{ApprovalProbe.Kind}", Cancel);
        var etag = current.Headers.ETag!.Tag;
        var body = new ApprovalPolicyInput(8, [new ApprovalStepInput(null, AccountId: leader.Id)]);

        var withoutVersion = await SendAsync(director, HttpMethod.Put, $"/api/v1/approval-policies/{ApprovalProbe.Kind}", body);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);

        var saved = await PutAsync(director, etag, body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        var stale = await PutAsync(director, etag, body);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var (_, after) = await StartAsync(requester.Id);
        Assert.Equal(WorkflowPermissions.DecideAsDirector, (await StoredAsync(before.Id)).Steps.Single().Permission);
        var named = (await StoredAsync(after.Id)).Steps.Single();
        Assert.Equal(leader.Id, named.AccountId);
        Assert.Null(named.Permission);
    }

    [Theory]
    [InlineData("none", "steps", ApprovalErrors.NoSteps)]
    [InlineData("unknown-permission", "steps[0].permission", ApprovalErrors.UnknownPermission)]
    [InlineData("both", "steps[0]", ApprovalErrors.StepApprover)]
    [InlineData("quorum", "steps[0].quorum", ApprovalErrors.InvalidQuorum)]
    [InlineData("negative", "steps[1].minAmount", ApprovalErrors.InvalidThreshold)]
    [InlineData("all-conditional", "steps", ApprovalErrors.NoUnconditionalStep)]
    [InlineData("deadline", "deadlineWorkingHours", ApprovalErrors.InvalidDeadline)]
    [InlineData("unknown-account", "steps[0].accountId", ApprovalErrors.UnknownAccount)]
    public async Task An_invalid_policy_is_refused_naming_the_field(string flaw, string field, string code)
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var current = await director.GetAsync($"/api/v1/approval-policies/{ApprovalProbe.Kind}", Cancel);
        var director1 = new ApprovalStepInput(WorkflowPermissions.DecideAsDirector);
        ApprovalPolicyInput body = flaw switch
        {
            "none" => new(8, []),
            "unknown-permission" => new(8, [new ApprovalStepInput("assets.nonexistent")]),
            "both" => new(8, [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector, AccountId: 1)]),
            "quorum" => new(8, [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector, Quorum: 0)]),
            "negative" => new(8, [director1, new ApprovalStepInput(WorkflowPermissions.DecideAsLeadership, MinAmount: -1)]),
            "all-conditional" => new(8, [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector, MinAmount: 100)]),
            "deadline" => new(0, [director1]),
            "unknown-account" => new(8, [new ApprovalStepInput(null, AccountId: 999999)]),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        var response = await PutAsync(director, current.Headers.ETag!.Tag, body);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.Code);
        Assert.Equal([field], problem.Errors.Keys);
    }

    [Fact]
    public async Task Only_the_it_director_edits_policies()
    {
        var engineer = await SignInAsync(await CreateUserAsync("engineer", BuiltInRoles.ItEngineer));
        var current = await engineer.GetAsync($"/api/v1/approval-policies/{ApprovalProbe.Kind}", Cancel);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);

        var response = await PutAsync(engineer, current.Headers.ETag!.Tag, new ApprovalPolicyInput(8, [new ApprovalStepInput(WorkflowPermissions.DecideAsDirector)]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_it_director_edits_a_policy_on_its_page_from_the_current_version_only()
    {
        var leader = await CreateUserAsync("leader", BuiltInRoles.Leadership);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var list = WebUtility.HtmlDecode(await director.GetStringAsync("/approvals/policies", Cancel));
        Assert.Contains($"data-kind=\"{ApprovalProbe.QuorumKind}\"", list, StringComparison.Ordinal);
        Assert.Contains("需 2 人同意", list, StringComparison.Ordinal);
        var form = await director.GetStringAsync($"/approvals/policies/{ApprovalProbe.Kind}", Cancel);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Version"] = VersionField().Match(form).Groups[1].Value,
            ["DeadlineWorkingHours"] = "24",
            ["Steps[0].Permission"] = WorkflowPermissions.DecideAsDirector,
            ["Steps[0].Quorum"] = "1",
            ["Steps[1].Person"] = leader.UserName,
            ["Steps[1].MinAmount"] = "5000",
            ["Steps[2].Permission"] = string.Empty,
        };

        using (var content = new FormUrlEncodedContent(fields))
        {
            var saved = await director.PostAsync($"/approvals/policies/{ApprovalProbe.Kind}", content, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var policy = await director.GetFromJsonAsync<ApprovalPolicyDto>($"/api/v1/approval-policies/{ApprovalProbe.Kind}", Json, Cancel);
        Assert.Equal(24, policy!.DeadlineWorkingHours);
        Assert.Equal([WorkflowPermissions.DecideAsDirector, null], policy.Steps.Select(s => s.Permission));
        Assert.Equal([null, leader.Id], policy.Steps.Select(s => s.AccountId));
        Assert.Equal([null, 5000m], policy.Steps.Select(s => s.MinAmount));

        using var stale = new FormUrlEncodedContent(fields);
        var refused = WebUtility.HtmlDecode(await (await director.PostAsync($"/approvals/policies/{ApprovalProbe.Kind}", stale, Cancel)).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("data-testid=\"policy-error\"", refused, StringComparison.Ordinal);
        Assert.Equal(policy.Version, (await director.GetFromJsonAsync<ApprovalPolicyDto>($"/api/v1/approval-policies/{ApprovalProbe.Kind}", Json, Cancel))!.Version);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string etag, ApprovalPolicyInput body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/approval-policies/{ApprovalProbe.Kind}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.IfMatch.ParseAdd(etag);
        return await client.SendAsync(request, Cancel);
    }
}
