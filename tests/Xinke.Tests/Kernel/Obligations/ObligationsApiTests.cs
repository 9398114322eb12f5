using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>The IT director defines and edits obligations; modules declare theirs in code.</summary>
public abstract class ObligationsApiTests(DatabaseKind kind) : ObligationTest(kind)
{
    public sealed class OnSqlite() : ObligationsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ObligationsApiTests(DatabaseKind.Postgres);

    private static object Valid(string title = "季度应急演练", string owner = "it-director", string requirement = "EMG-02") => new
    {
        title,
        requirementIds = new[] { requirement },
        scheduleKind = "cron",
        schedule = "0 0 1 */3 *",
        ownerKind = "role",
        owner,
        graceHours = 72,
        evidenceKind = "emergency.drill",
    };

    [Fact]
    public async Task The_it_director_creates_an_obligation_and_reads_it_back_with_its_version()
    {
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));

        var created = await PostAsync(director, "/api/v1/obligations", Valid());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = body.GetProperty("id").GetInt64();
        var read = await director.GetAsync($"/api/v1/obligations/{id}", Cancel);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var obligation = await read.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("季度应急演练", obligation.GetProperty("title").GetString());
        Assert.Equal(["EMG-02"], obligation.GetProperty("requirementIds").EnumerateArray().Select(e => e.GetString()));
        Assert.False(obligation.GetProperty("declaredInCode").GetBoolean());
    }

    public static TheoryData<string, object, string> Invalid => new()
    {
        { "schedule", "every day", ObligationErrors.InvalidSchedule },
        { "rrule", "FREQ=SOMETIMES", ObligationErrors.InvalidSchedule },
        { "role", "no-such-role", ObligationErrors.UnknownOwner },
        { "person", "999999", ObligationErrors.UnknownOwner },
        { "department", "999999", ObligationErrors.UnknownOwner },
        { "graceHours", -1, ObligationErrors.InvalidGrace },
        { "requirementIds", "emg-2", ObligationErrors.InvalidRequirements },
        { "requirementIds", "EMG-99", ObligationErrors.InvalidRequirements },
        { "evidenceKind", "drill", ObligationErrors.InvalidEvidence },
        { "title", " ", ObligationErrors.InvalidTitle },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task An_obligation_is_validated_when_saved(string field, object value, string code)
    {
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));
        var input = new Dictionary<string, object?>
        {
            ["title"] = "x",
            ["requirementIds"] = new List<string> { "EMG-02" },
            ["scheduleKind"] = "cron",
            ["schedule"] = "0 0 * * *",
            ["ownerKind"] = "role",
            ["owner"] = "it-director",
            ["graceHours"] = 1,
            ["evidenceKind"] = "emergency.drill",
        };
        switch (field)
        {
            case "rrule":
                (input["scheduleKind"], input["schedule"]) = ("rrule", value);
                break;
            case "role" or "person" or "department":
                (input["ownerKind"], input["owner"]) = (field, value);
                break;
            case "requirementIds":
                input[field] = new List<string> { (string)value };
                break;
            default:
                input[field] = value;
                break;
        }

        var problem = await Problems.ReadAsync(await PostAsync(director, "/api/v1/obligations", input), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public async Task An_edit_needs_the_current_version()
    {
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));
        var created = await PostAsync(director, "/api/v1/obligations", Valid());
        var etag = created.Headers.ETag!.Tag;
        var url = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(director, HttpMethod.Patch, url, new { graceHours = 24 })).StatusCode);
        var edited = await PatchAsync(director, url, etag, new { graceHours = 24, title = "季度应急演练（修订）" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(24, (await edited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("graceHours").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync(director, url, etag, new { graceHours = 12 })).StatusCode);
    }

    [Fact]
    public async Task A_code_declared_obligation_is_synced_idempotently_and_only_its_owner_grace_and_active_flag_are_editable()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var sync = scope.ServiceProvider.GetRequiredService<ObligationDeclarationSync>();
            Assert.True(await sync.SyncAsync(Cancel));
            Assert.True(await sync.SyncAsync(Cancel));
        }

        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));
        var list = await director.GetAsync("/api/v1/obligations?requirement=DATA-05", Cancel);
        var declared = Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").EnumerateArray());
        Assert.Equal(TestDeclarations.Key, declared.GetProperty("key").GetString());
        var url = $"/api/v1/obligations/{declared.GetProperty("id").GetInt64()}";
        var etag = (await director.GetAsync(url, Cancel)).Headers.ETag!.Tag;

        var refused = await Problems.ReadAsync(await PatchAsync(director, url, etag, new { schedule = "0 0 * * *" }), HttpStatusCode.Conflict);
        Assert.Equal(ObligationErrors.DeclaredInCode, refused.Code);
        var edited = await PatchAsync(director, url, etag, new { graceHours = 48, ownerKind = "role", owner = "it-engineer" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ObligationDeclarationSync>().SyncAsync(Cancel);
        }

        var after = await (await director.GetAsync(url, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((48, "it-engineer"), (after.GetProperty("graceHours").GetInt32(), after.GetProperty("owner").GetString()));
    }

    [Fact]
    public async Task Obligations_and_the_calendar_filter_by_owner_requirement_and_status()
    {
        var daily = await CreateDailyAsync();
        SetClock(Midnight.AddDays(1).AddHours(1));
        await EvaluateAsync();
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));
        await PostAsync(director, "/api/v1/obligations", Valid("演练甲", "it-director", "EMG-02"));
        await PostAsync(director, "/api/v1/obligations", Valid("演练乙", "it-engineer", "EMG-03"));

        Assert.Equal(["演练乙"], await TitlesAsync(director, "/api/v1/obligations?owner=role:it-engineer"));
        Assert.Equal(["演练甲"], await TitlesAsync(director, "/api/v1/obligations?requirement=EMG-02"));
        Assert.Equal(ObligationErrors.InvalidOwner, (await Problems.ReadAsync(await director.GetAsync("/api/v1/obligations?owner=boss", Cancel), HttpStatusCode.BadRequest)).Code);

        var late = await CalendarAsync(director, "?status=late");
        Assert.Equal([daily.Id], late.Select(p => p.GetProperty("obligationId").GetInt64()));
        var due = await CalendarAsync(director, "?status=due&requirement=DATA-04");
        Assert.Single(due);
        Assert.Empty(await CalendarAsync(director, "?status=due&owner=role:it-engineer"));
        Assert.Empty(await CalendarAsync(director, $"?from={Uri.EscapeDataString("2026-04-01T00:00:00Z")}"));
        Assert.Equal(ObligationErrors.InvalidStatus, (await Problems.ReadAsync(await director.GetAsync("/api/v1/obligations/periods?status=soon", Cancel), HttpStatusCode.BadRequest)).Code);

        var obligationsCsv = await director.GetStringAsync("/api/v1/obligations/export?format=csv&owner=role:it-engineer", Cancel);
        Assert.Equal(2, obligationsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("演练乙", obligationsCsv, StringComparison.Ordinal);

        var export = await director.GetAsync("/api/v1/obligations/periods/export?format=csv&status=late", Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = await export.Content.ReadAsStringAsync(Cancel);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("每日备份恢复抽查", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_callers_overdue_obligations_only()
    {
        await CreateDailyAsync();
        await CreateDailyAsync(owner: "it-engineer", evidenceKind: "backups.other");
        SetClock(Midnight.AddDays(1).AddHours(1));
        await EvaluateAsync();
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));

        var home = await director.GetStringAsync("/", Cancel);

        Assert.Contains("data-testid=\"overdue-row\"", home, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(home, "data-testid=\"overdue-row\""));
    }

    private static async Task<List<string?>> TitlesAsync(HttpClient client, string url)
    {
        var body = await (await client.GetAsync(url, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return [.. body.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("title").GetString())];
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Cancel);
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IObligationDeclarations, TestDeclarations>();
    }

    /// <summary>A module's declaration, as a module would register it.</summary>
    private sealed class TestDeclarations : IObligationDeclarations
    {
        public const string Key = "test.daily-backup-check";

        public IEnumerable<ObligationDeclaration> Declarations =>
        [
            new(Key, "每日备份检查", ["DATA-05"], ScheduleKind.Cron, "0 9 * * *", OwnerKind.Role, "it-director", 4, "backups.check"),
        ];
    }
}
