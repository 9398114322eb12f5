using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Checklists;

/// <summary>
/// A machine-room inspection template (temperature 18–27 °C, humidity 40–70 %, door locked?,
/// UPS mode text "online", a photo of the fire extinguisher) run end to end through the API.
/// </summary>
public abstract class ChecklistRunsApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    private readonly CompletedRuns completed = new();

    public sealed class OnSqlite() : ChecklistRunsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ChecklistRunsApiTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IChecklistRunCompleted>(completed);
    }

    [Fact]
    [Trait("Req", "OPS-03")]
    [Trait("Req", "ROOM-02")]
    public async Task A_reading_out_of_its_limits_becomes_a_finding_in_the_improvement_register()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var template = await CreateTemplateAsync(director);
        var client = await SignInAsync(engineer);
        var run = await StartAsync(client);
        var items = ItemIds(template);

        var recorded = await PostAsync(client, $"/api/v1/checklist-runs/{run}/readings", new
        {
            readings = new object[]
            {
                new { itemId = items[0], value = "29.5", note = "空调一号机停机" },
                new { itemId = items[1], value = "55" },
                new { itemId = items[2], value = "yes" },
                new { itemId = items[3], value = "ONLINE" },
                new { itemId = items[4], photoAttachmentId = await PhotoAsync(client, run) },
            },
        });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var readings = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("readings").EnumerateArray().ToDictionary(r => r.GetProperty("itemId").GetInt64(), r => r.GetProperty("ok").GetBoolean());
        Assert.Equal([false, true, true, true, true], items.Select(i => readings[i]));

        var completion = await CompleteAsync(client, run);

        Assert.Equal("completed", completion.GetProperty("run").GetProperty("state").GetString());
        var finding = Assert.Single(completion.GetProperty("findings").EnumerateArray());
        Assert.Equal(items[0], finding.GetProperty("itemId").GetInt64());
        Assert.Equal(engineer.Id, finding.GetProperty("ownerId").GetInt64());

        // 7 days after Monday 2026-03-02 (the template's default), in the hospital's calendar.
        Assert.Equal("2026-03-09", finding.GetProperty("dueDate").GetString());
        var action = await director.GetFromJsonAsync<JsonElement>($"/api/v1/improvements/{finding.GetProperty("id").GetInt64()}", Cancel);
        Assert.Equal("finding", action.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("checklists", action.GetProperty("source").GetProperty("module").GetString());
        Assert.Equal(run, action.GetProperty("source").GetProperty("id").GetInt64());
        Assert.Contains("机房温度", action.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("29.5 °C ≠ 18–27 °C", action.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", action.GetProperty("status").GetString());
        Assert.Equal(finding.GetProperty("id").GetInt64(), await WithDbAsync(db => db.Set<ChecklistReading>().Where(r => r.ItemId == items[0]).Select(r => r.FindingId).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "OPS-03")]
    public async Task Readings_in_order_complete_without_findings_and_the_listening_module_is_told()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var template = await CreateTemplateAsync(director);
        var run = await StartAsync(director);
        await RecordAllAsync(director, run, ItemIds(template), temperature: "22", doorLocked: "yes");

        var completion = await CompleteAsync(director, run);

        Assert.Empty(completion.GetProperty("findings").EnumerateArray());
        var told = Assert.Single(completed.Runs);
        Assert.Equal(run, told.Run.Id);
        Assert.Equal("MR-DAILY", told.Template.Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<ImprovementAction>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_no_where_yes_is_expected_is_a_finding_owned_by_the_templates_finding_owner()
    {
        var keeper = await CreateUserAsync("liu.jifang", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var template = await CreateTemplateAsync(director, findingOwnerId: keeper.Id);
        var run = await StartAsync(director);
        await RecordAllAsync(director, run, ItemIds(template), temperature: "22", doorLocked: "no");

        var finding = Assert.Single((await CompleteAsync(director, run)).GetProperty("findings").EnumerateArray());

        Assert.Equal(keeper.Id, finding.GetProperty("ownerId").GetInt64());
    }

    [Fact]
    [Trait("Req", "OPS-03")]
    public async Task Completion_is_refused_while_a_required_item_is_unread_or_a_photo_is_missing()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var items = ItemIds(await CreateTemplateAsync(director));
        var run = await StartAsync(director);
        await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new { readings = new object[] { new { itemId = items[0], value = "22" } } });

        var missing = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/complete"), HttpStatusCode.Conflict);
        Assert.Equal(ChecklistErrors.ItemMissing, missing.Code);
        Assert.Contains("机房湿度", missing.Detail, StringComparison.Ordinal);

        await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new
        {
            readings = new object[] { new { itemId = items[1], value = "50" }, new { itemId = items[2], value = "yes" }, new { itemId = items[3], value = "online" }, new { itemId = items[4], note = "相机故障" } },
        });
        Assert.Equal(ChecklistErrors.PhotoRequired, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/complete"), HttpStatusCode.Conflict)).Code);
        Assert.Equal("inProgress", (await director.GetFromJsonAsync<JsonElement>($"/api/v1/checklist-runs/{run}", Cancel)).GetProperty("state").GetString());
        Assert.Empty(completed.Runs);
    }

    [Fact]
    public async Task An_unreadable_value_or_a_foreign_item_is_invalid_input_and_a_completed_run_takes_no_more_readings()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var items = ItemIds(await CreateTemplateAsync(director));
        var run = await StartAsync(director);

        Assert.Equal(ChecklistErrors.InvalidReading, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new { readings = new[] { new { itemId = items[0], value = "二十度" } } }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ChecklistErrors.InvalidReading, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new { readings = new[] { new { itemId = items[2], value = "maybe" } } }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ChecklistErrors.UnknownItem, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new { readings = new[] { new { itemId = 999999, value = "1" } } }), HttpStatusCode.BadRequest)).Code);

        await RecordAllAsync(director, run, items, temperature: "22", doorLocked: "yes");
        await CompleteAsync(director, run);

        Assert.Equal(ChecklistErrors.NotInProgress, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/readings", new { readings = new[] { new { itemId = items[0], value = "30" } } }), HttpStatusCode.Conflict)).Code);
        Assert.Equal(ChecklistErrors.NotInProgress, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/checklist-runs/{run}/complete"), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task New_items_make_a_new_revision_and_a_run_keeps_the_revision_it_started_on()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var template = await CreateTemplateAsync(director);
        var id = template.GetProperty("id").GetInt64();
        var run = await StartAsync(director);

        var edited = await PatchTemplateAsync(director, id, "\"1\"", new { items = new object[] { new { label = "机房温度", type = "number", minimum = 16, maximum = 25, unit = "°C" } } });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("revision").GetInt32());
        var first = await director.GetFromJsonAsync<JsonElement>($"/api/v1/checklist-templates/{id}?revision=1", Cancel);
        Assert.Equal(5, first.GetProperty("items").GetArrayLength());
        await RecordAllAsync(director, run, ItemIds(first), temperature: "26", doorLocked: "yes");
        Assert.Empty((await CompleteAsync(director, run)).GetProperty("findings").EnumerateArray());

        var second = await StartAsync(director);
        var secondItems = ItemIds(await director.GetFromJsonAsync<JsonElement>($"/api/v1/checklist-templates/{id}", Cancel));
        await PostAsync(director, $"/api/v1/checklist-runs/{second}/readings", new { readings = new[] { new { itemId = secondItems[0], value = "26" } } });
        Assert.Single((await CompleteAsync(director, second)).GetProperty("findings").EnumerateArray());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchTemplateAsync(director, id, "\"1\"", new { name = "旧版本" })).StatusCode);
    }

    [Fact]
    public async Task A_template_is_validated_and_its_code_is_unique()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        await CreateTemplateAsync(director);

        Assert.Equal(ChecklistErrors.CodeTaken, (await Problems.ReadAsync(await PostAsync(director, "/api/v1/checklist-templates", new { code = "MR-DAILY", name = "重复", items = new[] { new { label = "x", type = "yesNo" } } }), HttpStatusCode.Conflict)).Code);
        Assert.Equal(ChecklistErrors.InvalidLimits, (await Problems.ReadAsync(await PostAsync(director, "/api/v1/checklist-templates", new { code = "UPS", name = "UPS 巡检", items = new[] { new { label = "电压", type = "number", minimum = 240, maximum = 200 } } }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ChecklistErrors.InvalidItems, (await Problems.ReadAsync(await PostAsync(director, "/api/v1/checklist-templates", new { code = "UPS", name = "UPS 巡检", items = Array.Empty<object>() }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ChecklistErrors.InvalidCode, (await Problems.ReadAsync(await PostAsync(director, "/api/v1/checklist-templates", new { code = "机房", name = "UPS 巡检", items = new[] { new { label = "x", type = "yesNo" } } }), HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_and_exported()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        await CreateTemplateAsync(director);
        var first = await StartAsync(director);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await StartAsync(director);

        var page = await director.GetFromJsonAsync<JsonElement>("/api/v1/checklist-runs?state=inProgress", Cancel);
        Assert.Equal([second, first], page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));

        var csv = await director.GetStringAsync("/api/v1/checklist-runs/export?format=csv", Cancel);
        Assert.Contains("CHK-2026-000002", csv, StringComparison.Ordinal);
        Assert.Contains("一号机房", csv, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CreateTemplateAsync(HttpClient client, long? findingOwnerId = null)
    {
        var created = await PostAsync(client, "/api/v1/checklist-templates", new
        {
            code = "MR-DAILY",
            name = "机房日常巡检",
            kind = "machineRoomInspection",
            findingOwnerId,
            items = new object[]
            {
                new { label = "机房温度", type = "number", minimum = 18, maximum = 27, unit = "°C" },
                new { label = "机房湿度", type = "number", minimum = 40, maximum = 70, unit = "%" },
                new { label = "门禁已上锁", type = "yesNo", expectedYes = true },
                new { label = "UPS 工作模式", type = "text", expectedText = "online" },
                new { label = "灭火器照片", type = "photo" },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        return await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static long[] ItemIds(JsonElement template) => [.. template.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    private static async Task<long> StartAsync(HttpClient client)
    {
        var started = await PostAsync(client, "/api/v1/checklist-runs", new { templateCode = "MR-DAILY", subject = new { type = "machine-room", id = 1, label = "一号机房" }, location = "信息中心三楼" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync(Cancel));
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task A_photo_must_be_an_image_attached_to_the_same_run()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var template = await CreateTemplateAsync(director);
        var client = await SignInAsync(engineer);
        var run = await StartAsync(client);
        var other = await StartAsync(client);
        var photoItem = ItemIds(template)[4];

        var elsewhere = await PhotoAsync(client, other);
        var document = await AttachmentUploads.AttachAsync(client, ChecklistRunAttachments.OwnerType, run, "report.pdf", "application/pdf", AttachmentUploads.Pdf());

        foreach (var wrong in new[] { elsewhere, document, 999_999 })
        {
            var response = await PostAsync(client, $"/api/v1/checklist-runs/{run}/readings", new { readings = new object[] { new { itemId = photoItem, photoAttachmentId = wrong } } });
            Assert.Equal(ChecklistErrors.InvalidPhoto, (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        }

        var own = await PostAsync(client, $"/api/v1/checklist-runs/{run}/readings", new { readings = new object[] { new { itemId = photoItem, photoAttachmentId = await PhotoAsync(client, run) } } });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    private static Task<long> PhotoAsync(HttpClient client, long run) =>
        AttachmentUploads.AttachAsync(client, ChecklistRunAttachments.OwnerType, run, "extinguisher.png", "image/png", AttachmentUploads.Png);

    private static async Task RecordAllAsync(HttpClient client, long run, long[] items, string temperature, string doorLocked)
    {
        var recorded = await PostAsync(client, $"/api/v1/checklist-runs/{run}/readings", new
        {
            readings = new object[]
            {
                new { itemId = items[0], value = temperature },
                new { itemId = items[1], value = "50" },
                new { itemId = items[2], value = doorLocked },
                new { itemId = items[3], value = "online" },
                new { itemId = items[4], photoAttachmentId = await PhotoAsync(client, run) },
            },
        });
        Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<JsonElement> CompleteAsync(HttpClient client, long run)
    {
        var completed = await PostAsync(client, $"/api/v1/checklist-runs/{run}/complete");
        Assert.True(completed.StatusCode == HttpStatusCode.OK, await completed.Content.ReadAsStringAsync(Cancel));
        return await completed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<HttpResponseMessage> PatchTemplateAsync(HttpClient client, long id, string ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/checklist-templates/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Cancel);
    }

    /// <summary>A module listening for completed runs, as an obligations or machine-room module would.</summary>
    private sealed class CompletedRuns : IChecklistRunCompleted
    {
        public List<ChecklistCompletion> Runs { get; } = [];

        public Task<Error?> OnCompletedAsync(ChecklistCompletion completion, CancellationToken cancellationToken)
        {
            Runs.Add(completion);
            return Task.FromResult<Error?>(null);
        }
    }
}
