using System.Net;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Two instances behind a load balancer, on one PostgreSQL database.</summary>
public sealed class TwoInstanceTests() : IdentityTest(DatabaseKind.Postgres)
{
    [Fact]
    public async Task A_session_opened_on_one_instance_works_on_the_other()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        var login = await LoginAsync(Client, "zhangsan", Password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(IdentityServices.CookieName, StringComparison.Ordinal)).Split(';')[0];
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var otherClient = other.CreateClient(new() { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Add("Cookie", cookie);
        var response = await otherClient.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(account.UserName, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Five_failures_spread_over_both_instances_lock_the_account()
    {
        await CreateUserAsync("zhangsan", "staff");
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var clients = new[] { Client, other.CreateClient(new() { AllowAutoRedirect = false }) };

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(clients[i % 2], "zhangsan", "Wrong-Pass-2026")).StatusCode);
        }

        Assert.Equal(IdentityErrors.LockedOut, (await Problems.ReadAsync(await LoginAsync(clients[1], "zhangsan", Password), HttpStatusCode.Unauthorized)).Code);
        Assert.Equal(IdentityErrors.LockedOut, (await Problems.ReadAsync(await LoginAsync(clients[0], "zhangsan", Password), HttpStatusCode.Unauthorized)).Code);
    }

    [Fact]
    [Trait("Req", "ACC-06")]
    public async Task Failures_arriving_at_both_instances_at_once_are_all_counted()
    {
        var account = await CreateUserAsync("zhangsan", "staff");
        await using var other = new XinkeApp(App.Database, ConfigureServices);
        var clients = new[] { Client, other.CreateClient(new() { AllowAutoRedirect = false }) };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => LoginAsync(clients[i % 2], "zhangsan", "Wrong-Pass-2026")));

        Assert.Equal(4, (await ReloadAsync(account.Id)).FailedAttempts);
    }
}
