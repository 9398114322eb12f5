using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Idle and absolute session limits (GB/T 22239 8.1.4.1 b).</summary>
public sealed class SessionTimeoutTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task An_idle_session_ends_after_thirty_minutes()
    {
        var client = await SignInAsync(await CreateUserAsync("zhangsan", "staff"));
        Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Cancel)).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Cancel)).StatusCode);
        Assert.NotNull(await WithDbAsync(db => db.Set<LoginSession>().Select(s => s.EndedAt).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task A_busy_session_still_ends_after_twelve_hours()
    {
        var client = await SignInAsync(await CreateUserAsync("zhangsan", "staff"));
        for (var i = 0; i < 35; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Cancel)).StatusCode);
        }

        Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_page_of_an_expired_session_leads_to_the_login_page()
    {
        var client = await SignInAsync(await CreateUserAsync("zhangsan", "staff"));
        Clock.Advance(TimeSpan.FromMinutes(31));

        var response = await client.GetAsync("/", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
