using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Register;

/// <summary>
/// The register through its API: recording with an issued tag, the rules of a record, editing under
/// If-Match, moves and assignments on the timeline, department scoping of readers, and the types.
/// </summary>
public abstract class AssetsApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : AssetsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetsApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task An_asset_is_registered_with_an_issued_tag_then_listed_filtered_and_exported()
    {
        var clinic = await DepartmentAsync("门诊部");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var response = await PostAsync(engineer, "/api/v1/assets", Body(clinic));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/assets/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("ZC-2026-000001", created.GetProperty("tag").GetString());
        Assert.Equal("00:1A:2B:3C:4D:5E", created.GetProperty("macAddress").GetString());
        Assert.Equal("本院区 / 门诊楼 / 3F / 302诊室", created.GetProperty("location").GetString());
        Assert.False(created.GetProperty("isKeyDevice").GetBoolean());
        Assert.Equal([("Registered", true)], (await TimelineAsync(engineer, id)).Select(e => (e.Kind, e.Text.Contains("302诊室", StringComparison.Ordinal))));

        var printer = Body(clinic, "printer");
        printer["tag"] = "old-0042";
        printer["serial"] = "PR99";
        printer["hostname"] = null;
        printer["macAddress"] = null;
        printer["status"] = "inStock";
        Assert.Equal("OLD-0042", (await CreateAsync(engineer, printer)).GetProperty("tag").GetString());
        Assert.Equal(["OLD-0042"], await TagsAsync(engineer, "?type=printer"));
        Assert.Equal(["ZC-2026-000001"], await TagsAsync(engineer, "?status=inUse"));
        Assert.Equal(["ZC-2026-000001"], await TagsAsync(engineer, "?q=mz-302"));
        Assert.Equal(["ZC-2026-000001", "OLD-0042"], await TagsAsync(engineer, "?sort=-tag"));
        Assert.Equal(["OLD-0042"], await TagsAsync(engineer, "?limit=1&sort=tag"));
        var csv = await engineer.GetStringAsync(new Uri("/api/v1/assets/export?format=csv&type=pc", UriKind.Relative), Cancel);
        Assert.Contains("资产编号", csv, StringComparison.Ordinal);
        Assert.Contains("ZC-2026-000001", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("OLD-0042", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync(new Uri("/api/v1/assets/export?format=xlsx", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_tag_already_in_the_register_is_refused_whatever_its_case()
    {
        var clinic = await DepartmentAsync("门诊部");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var first = Body(clinic);
        first["tag"] = "XK-0001";
        await CreateAsync(engineer, first);
        first["tag"] = "xk-0001";

        var refused = await PostAsync(engineer, "/api/v1/assets", first);

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(AssetErrors.TagTaken, problem.Code);
        Assert.Contains("XK-0001", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["XK-0001"], await TagsAsync(engineer, string.Empty));
    }

    [Theory]
    [InlineData("macAddress", "00:1A:2B:3C:4D", AssetErrors.InvalidMac)]
    [InlineData("macAddress", "00:1A-2B:3C:4D:5E", AssetErrors.InvalidMac)]
    [InlineData("purchasePrice", -1, AssetErrors.InvalidPrice)]
    [InlineData("warrantyEnd", "2025-05-31", AssetErrors.WarrantyBeforePurchase)]
    [InlineData("typeId", 999, AssetErrors.UnknownType)]
    [InlineData("responsiblePersonId", 999999, AssetErrors.UnknownPerson)]
    [InlineData("hostname", "bad host", AssetErrors.InvalidHostname)]
    public async Task A_record_breaking_a_rule_of_the_register_is_refused_with_its_field(string field, object value, string code)
    {
        var clinic = await DepartmentAsync("门诊部");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var body = Body(clinic);
        body[field] = value;

        var problem = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/assets", body), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.Code);
        Assert.Contains(problem.Errors.Keys, k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await TagsAsync(engineer, string.Empty));
    }

    [Fact]
    [Trait("Req", "EQ-01")]
    public async Task A_key_device_without_a_designated_location_is_refused_naming_EQ_01()
    {
        var it = await DepartmentAsync("信息科");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        // A switch is a key device by its type's default.
        var problem = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/assets", Body(it, "switch")), HttpStatusCode.BadRequest);

        Assert.Equal(AssetErrors.DesignatedLocationRequired, problem.Code);
        Assert.Contains("EQ-01", problem.Detail, StringComparison.Ordinal);
        Assert.Contains(problem.Errors.Keys, k => k == "designatedLocation");
        var body = Body(it, "switch");
        body["designatedLocation"] = "本院区 / 门诊楼 / 3F / 302诊室";
        Assert.True((await CreateAsync(engineer, body)).GetProperty("isKeyDevice").GetBoolean());
    }

    [Fact]
    [Trait("Req", "EQ-01")]
    public async Task Moving_a_key_device_or_changing_its_network_identity_is_written_on_its_timeline_and_refused_to_readers()
    {
        var it = await DepartmentAsync("信息科");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var operatorClient = await SignInAsync(await CreateUserAsync("zhao.zhiban", BuiltInRoles.DutyOperator));
        var body = Body(it, "server");
        body["designatedLocation"] = "本院区 / 门诊楼 / 3F / 302诊室";
        var id = (await CreateAsync(engineer, body)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(operatorClient, $"/api/v1/assets/{id}/move", new { campus = "东院区" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(operatorClient, id, """{"hostname":"other"}""", "\"1\"")).StatusCode);

        var moved = await PostAsync(engineer, $"/api/v1/assets/{id}/move", new { campus = "本院区", building = "行政楼", room = "机房", rack = "A01", rackUnit = "U12" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var away = await GetAsync(engineer, id);
        Assert.False(away.GetProperty("standsAtDesignatedLocation").GetBoolean());
        var version = away.GetProperty("version").GetInt64();
        var renamed = await PatchAsync(engineer, id, """{"hostname":"his-db-01","macAddress":"001A.2B3C.4D5F"}""", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var timeline = await TimelineAsync(engineer, id);
        Assert.Equal(["Edited", "Moved", "Registered"], timeline.Select(e => e.Kind));
        Assert.Contains("本院区 / 行政楼 / 机房 / A01 / U12", timeline[1].Text, StringComparison.Ordinal);
        Assert.Contains("his-db-01", timeline[0].Text, StringComparison.Ordinal);
        Assert.Contains("00:1A:2B:3C:4D:5F", timeline[0].Text, StringComparison.Ordinal);

        var relocated = await PostAsync(engineer, $"/api/v1/assets/{id}/move", new { campus = "本院区", building = "行政楼", room = "机房", rack = "A02", designate = true });
        Assert.Equal(HttpStatusCode.OK, relocated.StatusCode);
        var placed = await GetAsync(engineer, id);
        Assert.True(placed.GetProperty("standsAtDesignatedLocation").GetBoolean());
        Assert.Equal("本院区 / 行政楼 / 机房 / A02", placed.GetProperty("designatedLocation").GetString());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_412_and_one_without_If_Match_with_428()
    {
        var clinic = await DepartmentAsync("门诊部");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = (await CreateAsync(engineer, Body(clinic))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(engineer, id, """{"notes":"第一次"}""", "\"1\"")).StatusCode);

        var stale = await PatchAsync(engineer, id, """{"notes":"覆盖"}""", "\"1\"");
        var missing = await PatchAsync(engineer, id, """{"notes":"覆盖"}""", null);

        await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
        await Problems.ReadAsync(missing, (HttpStatusCode)428);
        Assert.Equal("第一次", (await GetAsync(engineer, id)).GetProperty("notes").GetString());
    }

    [Fact]
    [Trait("Req", "ORG-05")]
    public async Task An_assignment_names_the_responsible_person_and_is_written_on_the_timeline()
    {
        var clinic = await DepartmentAsync("门诊部");
        var wards = await DepartmentAsync("心内科");
        var nurse = await PersonAsync(wards, "N0001", "陈护士长");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = (await CreateAsync(engineer, Body(clinic))).GetProperty("id").GetInt64();

        Assert.Equal(AssetErrors.UnknownPerson, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{id}/assign", new { personId = 999999, departmentId = wards }), HttpStatusCode.BadRequest)).Code);
        var assigned = await PostAsync(engineer, $"/api/v1/assets/{id}/assign", new { personId = nurse, departmentId = wards });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var asset = await GetAsync(engineer, id);
        Assert.Equal(nurse, asset.GetProperty("responsiblePersonId").GetInt64());
        Assert.Equal("心内科", asset.GetProperty("owningDepartment").GetString());
        var timeline = await TimelineAsync(engineer, id);
        Assert.Equal("Assigned", timeline[0].Kind);
        Assert.Contains("陈护士长（N0001）", timeline[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_scoped_reader_lists_only_their_departments_assets_and_gets_404_for_others()
    {
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var own = await CreateAsync(engineer, Body(cardiology));
        var other = (await CreateAsync(engineer, Body(radiology))).GetProperty("id").GetInt64();
        var liaison = await SignInAsync(await CreateUserAsync("li.lianluo", $"{BuiltInRoles.DeptLiaison}@{cardiology}"));

        Assert.Equal([own.GetProperty("tag").GetString()!], await TagsAsync(liaison, string.Empty));
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/api/v1/assets/{other}/timeline", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/assets/{other}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(liaison, $"/api/v1/assets/{other}/notes", new { text = "看看" })).StatusCode);
    }

    [Fact]
    public async Task A_journal_note_goes_on_the_timeline_and_an_empty_one_is_refused()
    {
        var clinic = await DepartmentAsync("门诊部");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = (await CreateAsync(engineer, Body(clinic))).GetProperty("id").GetInt64();

        Assert.Equal(AssetErrors.InvalidNote, (await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{id}/notes", new { text = " " }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(engineer, $"/api/v1/assets/{id}/notes", new { text = "更换了内存条" })).StatusCode);

        Assert.Equal(("Note", "更换了内存条"), (await TimelineAsync(engineer, id))[0]);
        var page = await engineer.GetStringAsync(new Uri($"/assets/{id}", UriKind.Relative), Cancel);
        Assert.Contains("更换了内存条", page, StringComparison.Ordinal);
        Assert.Contains("ZC-2026-000001", await engineer.GetStringAsync(new Uri($"/assets/{id}/card", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains("ZC-2026-000001", await engineer.GetStringAsync(new Uri("/assets?type=pc", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_IT_director_adds_an_asset_type_and_nobody_else_may()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var body = new { code = "Pad", nameZh = "移动护理终端", nameEn = "Nursing handheld", isWorkstation = true };

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, "/api/v1/asset-types", body)).StatusCode);
        var created = await PostAsync(director, "/api/v1/asset-types", body);
        var duplicate = await PostAsync(director, "/api/v1/asset-types", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64() > AssetType.BuiltIns.Count);
        Assert.Equal(AssetTypeErrors.CodeTaken, (await Problems.ReadAsync(duplicate, HttpStatusCode.Conflict)).Code);
        var types = await engineer.GetFromJsonAsync<JsonElement>("/api/v1/asset-types", Cancel);
        Assert.Equal(14, types.GetArrayLength());
        Assert.Contains(types.EnumerateArray(), t => t.GetProperty("code").GetString() == "pad" && !t.GetProperty("builtIn").GetBoolean());
    }
}
