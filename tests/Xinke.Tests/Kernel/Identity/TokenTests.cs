using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Personal access tokens: shown once, stored hashed, never wider than their owner.</summary>
public abstract class TokenTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : TokenTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TokenTests(DatabaseKind.Postgres);

    private DateTime InThirtyDays => Clock.GetUtcNow().UtcDateTime.AddDays(30);

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_token_is_shown_once_stored_hashed_and_works_as_bearer()
    {
        var owner = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var created = await PostAsync(owner, "/api/v1/me/tokens", new { name = "资产同步脚本", expiresAt = InThirtyDays });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("token").GetString()!;

        var listed = await owner.GetStringAsync("/api/v1/me/tokens", Cancel);
        var stored = await WithDbAsync(db => db.Set<AccessToken>().SingleAsync(Cancel));
        var response = await Bearer(secret).GetAsync("/api/v1/users", Cancel);

        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, (await WithDbAsync(db => db.Set<AccessToken>().SingleAsync(Cancel))).LastUsedAt);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_token_asking_for_more_than_its_owner_holds_is_refused()
    {
        var owner = await SignInAsync(await CreateUserAsync("staff1", "staff"));

        var refused = await PostAsync(owner, "/api/v1/me/tokens", new { name = "越权", expiresAt = InThirtyDays, permissions = new List<string> { "users.read" } });

        Assert.Equal(IdentityErrors.TokenExceedsOwner, (await Problems.ReadAsync(refused, HttpStatusCode.Forbidden)).Code);
        Assert.False(await WithDbAsync(db => db.Set<AccessToken>().AnyAsync(Cancel)));
    }

    [Fact]
    public async Task A_token_reaches_only_the_permissions_it_was_given()
    {
        var owner = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var secret = await CreateTokenAsync(owner, ["departments.read"]);

        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync("/api/v1/departments", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(secret).GetAsync("/api/v1/users", Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task When_the_owner_loses_a_permission_the_token_loses_it_too()
    {
        var account = await CreateUserAsync("zhangsan", enrolMfa: true, "it-director");
        var owner = await SignInAsync(account);
        var secret = await CreateTokenAsync(owner, ["users.read"]);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync("/api/v1/users", Cancel)).StatusCode);
        var security = await SignInAsync(await CreateUserAsync("sec1", "secadmin"));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(security, HttpMethod.Put, $"/api/v1/users/{account.Id}/roles", new { assignments = new[] { new { role = "staff" } } })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await Bearer(secret).GetAsync("/api/v1/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_an_expired_or_a_disabled_owners_token_is_refused()
    {
        var admin = await CreateUserAsync("sys1", "sysadmin");
        var staff = await CreateUserAsync("staff1", "staff");
        var owner = await SignInAsync(staff);
        var revoked = await CreateTokenAsync(owner, null);
        var expiring = await CreateTokenAsync(owner, null, Clock.GetUtcNow().UtcDateTime.AddHours(1));
        var disabled = await CreateTokenAsync(owner, null);
        var id = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens", Cancel)).EnumerateArray().Last().GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(owner, HttpMethod.Delete, $"/api/v1/me/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(revoked).GetAsync("/api/v1/me", Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Bearer(expiring).GetAsync("/api/v1/me", Cancel)).StatusCode);
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(expiring).GetAsync("/api/v1/me", Cancel)).StatusCode);

        var sysadmin = await SignInAsync(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(sysadmin, $"/api/v1/users/{staff.Id}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(disabled).GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_token_cannot_mint_tokens_or_change_the_password()
    {
        var owner = await SignInAsync(await CreateUserAsync("staff1", "staff"));
        var secret = await CreateTokenAsync(owner, null);

        var mint = await Bearer(secret).PostAsJsonAsync("/api/v1/me/tokens", new { name = "child", expiresAt = InThirtyDays }, Cancel);
        var password = await Bearer(secret).PostAsJsonAsync("/api/v1/me/password", new { currentPassword = Password, newPassword = "Stolen-Pass-2026" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, mint.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);
    }

    [Fact]
    public async Task A_bearer_write_needs_no_same_site_proof()
    {
        var owner = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var secret = await CreateTokenAsync(owner, ["users.write"]);

        var created = await Bearer(secret).PostAsJsonAsync("/api/v1/users", new { userName = "wangwu", displayName = "王五" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [InlineData("", 30, "identity.invalid_token_name")]
    [InlineData("脚本", -1, "identity.invalid_token_expiry")]
    [InlineData("脚本", 400, "identity.invalid_token_expiry")]
    public async Task Bad_token_requests_are_400s(string name, int days, string code)
    {
        var owner = await SignInAsync(await CreateUserAsync("staff1", "staff"));

        var refused = await PostAsync(owner, "/api/v1/me/tokens", new { name, expiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(days) });

        Assert.Equal(code, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task A_forged_or_malformed_bearer_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer("xk_forged").GetAsync("/api/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer("not-a-token").GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    private async Task<string> CreateTokenAsync(HttpClient owner, string[]? permissions, DateTime? expiresAt = null)
    {
        var created = await PostAsync(owner, "/api/v1/me/tokens", new { name = "脚本", expiresAt = expiresAt ?? InThirtyDays, permissions });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("token").GetString()!;
    }

    private HttpClient Bearer(string secret)
    {
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
