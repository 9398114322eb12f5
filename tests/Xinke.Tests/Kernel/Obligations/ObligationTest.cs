using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>
/// Base of the obligation tests. The clock starts at 08:30 on 2 March 2026 in Shanghai; the
/// daily obligation made here has periods from local midnight to local midnight (16:00 UTC).
/// </summary>
public abstract class ObligationTest(DatabaseKind kind) : IdentityTest(kind)
{
    /// <summary>Local midnight of 2 March 2026 in Shanghai.</summary>
    protected static readonly DateTime Midnight = new(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc);

    private Xinke.Kernel.Identity.Account? reader;

    protected RecordingNotifier Notifier { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IObligationNotifier>(Notifier);
    }

    protected Task<Obligation> CreateDailyAsync(string evidenceKind = "backups.restore_test", int graceHours = 24, bool reviewRequired = false, string owner = "it-director") =>
        CreateAsync(new ObligationInput("每日备份恢复抽查", ["DATA-04"], ScheduleKind.Cron, "0 0 * * *", OwnerKind.Role, owner, graceHours, evidenceKind, null, null, reviewRequired, true, new DateTimeOffset(Midnight)));

    protected async Task<Obligation> CreateAsync(ObligationInput input)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ObligationService>().CreateAsync(input, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!;
    }

    protected async Task<EvaluationSummary> EvaluateAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ObligationEvaluator>().RunAsync(Cancel);
    }

    /// <summary>Reports evidence the way a module does: inside the transaction that stores its own record.</summary>
    protected async Task ReportAsync(string kind, DateTime occurredAt, long? actor = null, string? subjectType = null, string? subjectId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        await scope.ServiceProvider.GetRequiredService<ObligationRecords>().ReportAsync(new ObligationEvidence(kind, subjectType, subjectId, new DateTimeOffset(occurredAt), actor, "BAK-2026-000001"), Cancel);
        await transaction.CommitAsync(Cancel);
    }

    protected Task<List<ObligationPeriod>> PeriodsAsync(long obligationId) =>
        WithDbAsync(db => db.Set<ObligationPeriod>().AsNoTracking().Where(p => p.ObligationId == obligationId).OrderBy(p => p.Start).ToListAsync(Cancel));

    /// <summary>The calendar as the API answers it now.</summary>
    protected static async Task<List<JsonElement>> CalendarAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/obligations/periods{query}", Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    /// <summary>
    /// A reader of the calendar, signed in afresh: the tests move the clock by days, past any
    /// session's lifetime. Leadership reads obligations and needs no second factor.
    /// </summary>
    protected async Task<HttpClient> ReaderAsync()
    {
        reader ??= await CreateUserAsync("reader", "leadership");
        return await SignInAsync(reader);
    }

    protected void SetClock(DateTime utc) => Clock.SetUtcNow(new DateTimeOffset(utc));
}
