using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>The first start, the forced set-up of a new session, and the console reset (GB/T 22239 8.1.4.2 b).</summary>
public abstract class BootstrapTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : BootstrapTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : BootstrapTests(DatabaseKind.Postgres);

    [Fact]
    public async Task Serving_creates_the_three_administrators_and_a_second_run_creates_none()
    {
        var accounts = await WithDbAsync(db => db.Set<Account>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(Cancel));
        var again = await BootstrapAsync();

        Assert.Equal(["sysadmin", "secadmin", "auditadmin"], accounts.Select(a => a.UserName));
        Assert.All(accounts, a =>
        {
            Assert.Equal(AccountState.Active, a.State);
            Assert.True(a.MustChangePassword);
            Assert.Equal(a.UserName, a.BootstrapName);
        });
        Assert.Equal(
            ["auditadmin:auditadmin", "secadmin:secadmin", "sysadmin:sysadmin"],
            await WithDbAsync(db => db.Set<RoleAssignment>().Select(r => db.Set<Account>().Single(a => a.Id == r.AccountId).UserName + ":" + r.Role!.Name).OrderBy(x => x).ToListAsync(Cancel)));
        Assert.Empty(again);
    }

    [Fact]
    public async Task The_first_start_issues_three_different_one_time_passwords()
    {
        await ForgetAccountsAsync();

        var issued = await BootstrapAsync();

        Assert.Equal(["sysadmin", "secadmin", "auditadmin"], issued.Select(c => c.UserName));
        Assert.Equal(3, issued.Select(c => c.Password).Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client, "secadmin", issued[1].Password)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_bootstrap_session_may_only_change_its_password_and_enrol_mfa_then_it_is_complete()
    {
        await ForgetAccountsAsync();
        var credential = (await BootstrapAsync()).First(c => c.UserName == "sysadmin");
        var login = await LoginAsync(Client, credential.UserName, credential.Password);
        var session = await login.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(session.GetProperty("mustChangePassword").GetBoolean());
        Assert.True(session.GetProperty("mustEnrollMfa").GetBoolean());

        Assert.Equal(IdentityErrors.SetupRequired, (await Problems.ReadAsync(await Client.GetAsync("/api/v1/users", Cancel), HttpStatusCode.Forbidden)).Code);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(Client, "/api/v1/me/password", new { currentPassword = credential.Password, newPassword = "Own-Choice-2026!" })).StatusCode);
        Assert.Equal(IdentityErrors.SetupRequired, (await Problems.ReadAsync(await Client.GetAsync("/api/v1/users", Cancel), HttpStatusCode.Forbidden)).Code);
        var enrolment = await (await PostAsync(Client, "/api/v1/me/mfa/totp")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.StartsWith("otpauth://totp/Xinke:sysadmin?", enrolment.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(IdentityErrors.InvalidOtp, (await Problems.ReadAsync(await PostAsync(Client, "/api/v1/me/mfa/totp/confirm", new { code = "123456" }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Client, "/api/v1/me/mfa/totp/confirm", new { code = CodeFor(enrolment.GetProperty("secret").GetString()!) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_bootstrap_administrator_can_be_renamed_and_the_original_name_is_kept()
    {
        var system = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var bootstrapped = await WithDbAsync(db => db.Set<Account>().SingleAsync(a => a.UserName == "auditadmin", Cancel));

        var taken = await PostAsync(system, $"/api/v1/users/{bootstrapped.Id}/rename", new { userName = "SYS1" });
        var renamed = await PostAsync(system, $"/api/v1/users/{bootstrapped.Id}/rename", new { userName = "audit.li" });

        Assert.Equal(IdentityErrors.UserNameTaken, (await Problems.ReadAsync(taken, HttpStatusCode.Conflict)).Code);
        Assert.Equal(HttpStatusCode.NoContent, renamed.StatusCode);
        var after = await ReloadAsync(bootstrapped.Id);
        Assert.Equal("audit.li", after.UserName);
        Assert.Equal("auditadmin", after.BootstrapName);
    }

    [Fact]
    public async Task The_bootstrap_password_variable_sets_the_passwords()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [BootstrapService.PasswordVariable] = "Automation-Pass-2026" })
            .Build();
        var services = scope.ServiceProvider;
        var bootstrap = ActivatorUtilities.CreateInstance<BootstrapService>(services, configuration);
        await ForgetAccountsAsync();

        var issued = await bootstrap.RunAsync(Cancel);

        Assert.All(issued.Value!, c => Assert.Equal("Automation-Pass-2026", c.Password));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(Client, "auditadmin", "Automation-Pass-2026")).StatusCode);
    }

    [Fact]
    public async Task The_console_reset_issues_a_new_one_time_password_and_forgets_the_second_factor()
    {
        var account = await CreateUserAsync("sec1", "secadmin");
        var old = await SignInAsync(account);
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(NewClient(), "sec1", "Wrong-Pass-2026");
        }

        await using var scope = App.Services.CreateAsyncScope();
        var reset = await scope.ServiceProvider.GetRequiredService<BootstrapService>().ResetAsync("sec1", Cancel);
        var unknown = await scope.ServiceProvider.GetRequiredService<BootstrapService>().ResetAsync("nobody", Cancel);

        Assert.Null(unknown.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/me", Cancel)).StatusCode);
        var login = await LoginAsync(NewClient(), "sec1", reset.Value!);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = await login.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(session.GetProperty("mustChangePassword").GetBoolean());
        Assert.True(session.GetProperty("mustEnrollMfa").GetBoolean());
    }

    /// <summary>Serving already bootstrapped this database; these tests need it as it was before.</summary>
    private Task<int> ForgetAccountsAsync() => WithDbAsync(db => db.Set<Account>().ExecuteDeleteAsync(Cancel));

    private async Task<IReadOnlyList<BootstrapCredential>> BootstrapAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<BootstrapService>().RunAsync(Cancel);
        Assert.True(outcome.Succeeded);
        return outcome.Value!;
    }
}
