using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Audit;

/// <summary>The audit administrator's API: the matrix in EndpointAuthorizationTests proves nobody else reaches it.</summary>
public abstract class AuditApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : AuditApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AuditApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-06")]
    [Trait("Req", "SEC-03")]
    public async Task Log_ins_and_failures_are_recorded_and_listed_for_the_audit_administrator()
    {
        var engineer = await CreateUserAsync("wang.gong", enrolMfa: false, BuiltInRoles.Staff);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(NewClient(), "wang.gong", "wrong-password")).StatusCode);
        await SignInAsync(engineer);
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));

        var page = await auditor.GetFromJsonAsync<Page<AuditEventDto>>("/api/v1/audit/events?actor=wang.gong&limit=10", Cancel);

        Assert.Equal(["login", "login_failed"], page!.Items.Where(e => e.Action.StartsWith("login", StringComparison.Ordinal)).Select(e => e.Action));
        var failed = page.Items.Single(e => e.Action == "login_failed");
        Assert.Equal(AuditOutcome.Refused, failed.Outcome);
        Assert.Contains("identity.invalid_credentials", failed.Changes!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", JsonSerializer.Serialize(page), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Account_changes_are_audited_with_secrets_masked()
    {
        var created = await CreateUserAsync("li.hushi", enrolMfa: false, BuiltInRoles.Staff);
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));

        var page = await auditor.GetFromJsonAsync<Page<AuditEventDto>>($"/api/v1/audit/events?entityType=Account&entityId={created.Id}&action=create", Cancel);

        var changes = page!.Items.Single().Changes!.Value;
        Assert.Equal("li.hushi", changes.GetProperty("UserName").GetProperty("after").GetString());
        Assert.Equal(ChangeSet.Mask, changes.GetProperty("PasswordHash").GetProperty("after").GetString());
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Verification_answers_ok_and_is_itself_audited()
    {
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));

        var result = await auditor.GetFromJsonAsync<ChainVerification>("/api/v1/audit/verify", Cancel);

        Assert.True(result!.Ok);
        Assert.True(result.Count > 0);
        var last = await WithDbAsync(db => db.Set<AuditEvent>().OrderByDescending(e => e.Sequence).FirstAsync(Cancel));
        Assert.Equal(("audit_verified", "shen.ji"), (last.Action, last.ActorName));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_export_is_itself_audited()
    {
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));

        var response = await auditor.GetAsync("/api/v1/audit/events/export?format=csv", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("login", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action == "export" && e.ActorName == "shen.ji", Cancel)));
    }

    [Fact]
    public async Task There_is_no_way_to_change_or_delete_an_event_through_the_api()
    {
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var response = await SendAsync(auditor, method, "/api/v1/audit/events/1", method == HttpMethod.Delete ? null : new { actorName = "x" });
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task The_viewer_page_shows_the_filtered_events_with_their_changes_to_the_audit_administrator_only()
    {
        await CreateUserAsync("li.hushi", enrolMfa: false, BuiltInRoles.Staff);
        var auditor = await SignInAsync(await CreateUserAsync("shen.ji", BuiltInRoles.AuditAdmin));
        var staff = await SignInAsync(await CreateUserAsync("wang.gong", enrolMfa: false, BuiltInRoles.Staff));

        var html = await auditor.GetStringAsync("/audit?entityType=Account&action=create", Cancel);
        var refused = await staff.GetAsync("/audit", Cancel);

        Assert.Contains("li.hushi", html, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"text-success\">***</ins>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">login<", html, StringComparison.Ordinal);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Found, $"{(int)refused.StatusCode}");
        Assert.DoesNotContain("audit-table", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_change_made_by_a_signed_in_account_names_that_account()
    {
        var nurse = await CreateUserAsync("li.hushi", enrolMfa: false, BuiltInRoles.Staff);
        var client = await SignInAsync(nurse);

        var response = await PostAsync(client, "/api/v1/me/password", new { currentPassword = Password, newPassword = "Renewed-Pass-2026" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var change = await WithDbAsync(db => db.Set<AuditEvent>()
            .Where(e => e.EntityType == "Account" && e.EntityId == nurse.Id.ToString() && e.Action == AuditAction.Update)
            .OrderByDescending(e => e.Sequence).FirstAsync(Cancel));
        Assert.Equal((nurse.Id, "li.hushi"), (change.ActorId, change.ActorName));
        Assert.DoesNotContain("Renewed-Pass-2026", change.Changes, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_tokens_use_is_recorded_at_most_hourly()
    {
        var engineer = await CreateUserAsync("zhao.gong", enrolMfa: false, BuiltInRoles.Staff);
        var client = await SignInAsync(engineer);
        var created = await (await PostAsync(client, "/api/v1/me/tokens", new { name = "脚本", expiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(1) })).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using var bearer = NewClient();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", created.GetProperty("token").GetString());

        await bearer.GetAsync("/api/v1/me", Cancel);
        await bearer.GetAsync("/api/v1/me", Cancel);
        var withinTheHour = await UsesAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        await bearer.GetAsync("/api/v1/me", Cancel);

        Assert.Equal(1, withinTheHour);
        Assert.Equal(2, await UsesAsync());

        Task<int> UsesAsync() => WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Action == "token_used" && e.ActorId == engineer.Id, Cancel));
    }
}
