using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Xinke.Data;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Passwords, codes and tokens never reach the log (ACC-05), even at debug level.</summary>
public sealed class SecretsInLogsTests() : IdentityTest(DatabaseKind.Sqlite)
{
    private readonly string logFile = Path.Combine(Path.GetTempPath(), $"xinke-log-{Guid.NewGuid():N}.txt");

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSerilog(logger => logger.MinimumLevel.Debug().WriteTo.File(logFile, formatProvider: System.Globalization.CultureInfo.InvariantCulture), preserveStaticLogger: true);
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task A_day_of_identity_work_logs_no_secret()
    {
        var secrets = new List<string> { Password, "Wrong-Pass-2026", "Renewed-Pass-2026" };
        var engineer = await CreateUserAsync("engineer", "it-engineer");
        await LoginAsync(NewClient(), "engineer", "Wrong-Pass-2026");
        await LoginAsync(NewClient(), "engineer", Password, otp: "987654");
        secrets.Add("987654");
        var code = CodeFor(engineer);
        secrets.Add(code);
        var client = NewClient();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "engineer", Password, code)).StatusCode);

        var token = (await (await PostAsync(client, "/api/v1/me/tokens", new { name = "脚本", expiresAt = Clock.GetUtcNow().UtcDateTime.AddDays(1) })).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("token").GetString()!;
        secrets.Add(token);
        using var bearer = NewClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await bearer.GetAsync("/api/v1/me", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "/api/v1/me/password", new { currentPassword = Password, newPassword = "Renewed-Pass-2026" })).StatusCode);

        var staff = await CreateUserAsync("zhangsan", enrolMfa: false, "staff");
        var staffClient = await SignInAsync(staff);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var enrolment = await (await PostAsync(staffClient, "/api/v1/me/mfa/totp")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var secret = enrolment.GetProperty("secret").GetString()!;
        secrets.Add(secret);
        var recovery = (await (await PostAsync(staffClient, "/api/v1/me/mfa/totp/confirm", new { code = CodeFor(secret) })).Content.ReadFromJsonAsync<JsonElement>(Cancel))
            .GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        secrets.AddRange(recovery);
        await LoginAsync(NewClient(), "zhangsan", Password, recoveryCode: recovery[0]);

        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var created = await (await PostAsync(sysadmin, "/api/v1/users", new { userName = "wangwu", displayName = "王五" })).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        secrets.Add(created.GetProperty("oneTimePassword").GetString()!);
        var reset = await (await PostAsync(sysadmin, $"/api/v1/users/{staff.Id}/reset-password")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        secrets.Add(reset.GetProperty("oneTimePassword").GetString()!);

        await App.DisposeAsync();
        var log = await File.ReadAllTextAsync(logFile, Cancel);
        File.Delete(logFile);
        Assert.Contains("signed in", log, StringComparison.Ordinal);
        Assert.All(secrets, s => Assert.DoesNotContain(s, log, StringComparison.Ordinal));
    }
}
