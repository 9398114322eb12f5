using System.Net;
using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>The caller's own approvals: the lists of the API, and the inbox page with its menu badge.</summary>
public abstract partial class ApprovalInboxTests(DatabaseKind kind) : ApprovalTest(kind)
{
    public sealed class OnSqlite() : ApprovalInboxTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ApprovalInboxTests(DatabaseKind.Postgres);

    [Fact]
    public async Task Each_caller_lists_what_waits_for_it_and_what_it_asked_for()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var requesterClient = await SignInAsync(requester);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var bystander = await SignInAsync(await CreateUserAsync("bystander", BuiltInRoles.ItEngineer));
        var (_, first) = await StartAsync(requester.Id);
        var (_, second) = await StartAsync(requester.Id);

        var waiting = await ListAsync(director, "pending");
        var asked = await ListAsync(requesterClient, "requested");

        Assert.Equal([second.Id, first.Id], waiting.Items.Select(i => i.Id));
        var item = waiting.Items[0];
        Assert.Equal(ApprovalProbe.Kind, item.Kind);
        Assert.Equal("报废 门诊打印机", item.Subject.Summary);
        Assert.Equal(ApprovalState.Pending, item.State);
        Assert.Equal(requester.Id, item.Requester.Id);
        Assert.Equal(WorkflowPermissions.DecideAsDirector, item.Steps.Single().Permission);
        Assert.Equal([second.Id, first.Id], asked.Items.Select(i => i.Id));
        Assert.Empty((await ListAsync(requesterClient, "pending")).Items);
        Assert.Empty((await ListAsync(bystander, "pending")).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await bystander.GetAsync($"/api/v1/approvals/{first.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await director.GetAsync("/api/v1/approvals?mine=everything", Cancel)).StatusCode);

        await ReadAsync(await ApproveAsync(director, first.Id));
        Assert.Equal([second.Id], (await ListAsync(director, "pending")).Items.Select(i => i.Id));
        Assert.Equal([ApprovalState.Pending, ApprovalState.Approved], (await ListAsync(requesterClient, "requested")).Items.Select(i => i.State));
    }

    [Fact]
    public async Task The_inbox_page_decides_and_the_menu_badge_counts_what_waits()
    {
        var requester = await CreateUserAsync("requester", BuiltInRoles.Staff);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var (probeId, first) = await StartAsync(requester.Id);
        await StartAsync(requester.Id);

        var inbox = await director.GetStringAsync("/approvals", Cancel);
        Assert.Equal("2", Badge().Match(inbox).Groups[1].Value);
        Assert.Equal(2, Regex.Count(inbox, "data-testid=\"approval-row\""));

        var token = AntiforgeryToken().Match(inbox).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["comment"] = "同意", ["__RequestVerificationToken"] = token });
        var posted = await director.PostAsync("/approvals?handler=Approve", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.Equal("approved", await ProbeNameAsync(probeId));
        Assert.Equal("1", Badge().Match(await director.GetStringAsync("/approvals", Cancel)).Groups[1].Value);
        var requesterPage = WebUtility.HtmlDecode(await (await SignInAsync(requester)).GetStringAsync($"/approvals/{first.Id}", Cancel));
        Assert.Contains("已同意", requesterPage, StringComparison.Ordinal);
        Assert.DoesNotMatch(Badge(), requesterPage);
    }

    [GeneratedRegex("data-testid=\"nav-badge\">(\\d+)<")]
    private static partial Regex Badge();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
