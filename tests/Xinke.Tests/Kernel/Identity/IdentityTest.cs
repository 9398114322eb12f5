using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>
/// Base of the identity tests: a fake clock the app and the test share, built-in roles in the
/// database, and helpers that make accounts and sign them in through the real API.
/// </summary>
public abstract class IdentityTest(DatabaseKind kind) : IntegrationTest(kind)
{
    public const string Password = "Xinke-Test-2026";

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.Zero));

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    protected override async Task StartedAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleService>().SyncBuiltInAsync(Cancel);
    }

    /// <summary>An active account with a settled password, holding the given roles (name or name@departmentId).</summary>
    protected async Task<Account> CreateUserAsync(string userName, params string[] roles) =>
        await CreateUserAsync(userName, enrolMfa: roles.Any(r => BuiltInRoles.RequiringMfa.Contains(r.Split('@')[0])), roles);

    protected async Task<Account> CreateUserAsync(string userName, bool enrolMfa, params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, $"测试 {userName}", null, AccountState.Active, Cancel, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id, Cancel);
        account.MustChangePassword = false;
        if (enrolMfa)
        {
            account.TotpSecret = TotpCodes.NewSecret();
            account.MfaEnrolledAt = Clock.GetUtcNow().UtcDateTime;
        }

        foreach (var role in roles)
        {
            var parts = role.Split('@');
            var roleId = await db.Set<Role>().Where(r => r.Name == parts[0]).Select(r => r.Id).SingleAsync(Cancel);
            db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId, DepartmentId = parts.Length > 1 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null });
        }

        await db.SaveChangesAsync(Cancel);
        return account;
    }

    protected Task<T> WithDbAsync<T>(Func<XinkeDb, Task<T>> action) => App.WithDbAsync(action);

    protected Task<Account> ReloadAsync(long id) => WithDbAsync(db => db.Set<Account>().AsNoTracking().SingleAsync(a => a.Id == id, Cancel));

    /// <summary>The current code of the account's authenticator, on the shared fake clock.</summary>
    protected string CodeFor(Account account) => CodeFor(account.TotpSecret!);

    protected string CodeFor(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    protected HttpClient NewClient() => App.CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Signs in through the API; the client keeps the session cookie.</summary>
    protected async Task<HttpClient> SignInAsync(Account account, HttpClient? client = null)
    {
        client ??= NewClient();
        var otp = account.MfaEnrolledAt is null ? null : CodeFor(account);
        var response = await LoginAsync(client, account.UserName, Password, otp);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return client;
    }

    protected static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password, string? otp = null, string? recoveryCode = null) =>
        SendAsync(client, HttpMethod.Post, "/api/v1/session", new { userName, password, otp, recoveryCode });

    /// <summary>A request as Xinke's own pages make it: same origin, marked as a script request.</summary>
    protected static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        return await client.SendAsync(request, Cancel);
    }

    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null) => SendAsync(client, HttpMethod.Post, url, body ?? new { });
}
