using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Stocktakes;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Stocktakes;

/// <summary>Stocktakes: the assets expected at a place are snapshotted at start; scans find them or list them as unexpected; the finished report is kept.</summary>
public abstract class StocktakesApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : StocktakesApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : StocktakesApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_finished_stocktake_reports_the_expected_found_missing_and_unexpected_assets()
    {
        var it = await DepartmentAsync("信息科");
        var here = await StoredAssetAsync(it, "ZC-2026-000401", At("3F"));
        var lost = await StoredAssetAsync(it, "ZC-2026-000402", At("3F"));
        var upstairs = await StoredAssetAsync(it, "ZC-2026-000403", At("4F"));
        await StoredAssetAsync(it, "ZC-2026-000404", a => { At("3F")(a); a.Status = AssetStatus.Scrapped; });
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var started = await PostAsync(engineer, "/api/v1/stocktakes", new { campus = "本院区", building = "门诊楼", floor = "3F" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync(Cancel));
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("stocktake").GetProperty("id").GetInt64();
        // Moved in after the start: the snapshot does not follow it.
        var movedIn = await StoredAssetAsync(it, "ZC-2026-000405", At("3F"));
        var found = await PostAsync(engineer, $"/api/v1/stocktakes/{id}/scan", new { tag = " ZC-2026-000401 " });
        var again = await PostAsync(engineer, $"/api/v1/stocktakes/{id}/scan", new { tag = "ZC-2026-000401" });
        var unexpected = await PostAsync(engineer, $"/api/v1/stocktakes/{id}/scan", new { tag = "ZC-2026-000403" });
        var finished = await PostAsync(engineer, $"/api/v1/stocktakes/{id}/finish");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await unexpected.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("expected").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var report = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/stocktakes/{id}", Cancel);
        Assert.Equal(2, report.GetProperty("expected").GetInt32());
        Assert.Equal(1, report.GetProperty("found").GetInt32());
        Assert.Equal(1, report.GetProperty("missing").GetInt32());
        Assert.Equal(1, report.GetProperty("unexpected").GetInt32());
        Assert.Equal([lost], report.GetProperty("missingAssets").EnumerateArray().Select(l => l.GetProperty("assetId").GetInt64()));
        Assert.Equal([upstairs], report.GetProperty("unexpectedAssets").EnumerateArray().Select(l => l.GetProperty("assetId").GetInt64()));
        var stocktakeEvents = await WithDbAsync(db => db.Set<AssetEvent>().AsNoTracking().Where(e => e.Kind == AssetEventKind.Stocktake).Select(e => e.AssetId).OrderBy(a => a).ToListAsync(Cancel));
        Assert.Equal([here, upstairs], stocktakeEvents);
        Assert.DoesNotContain(movedIn, report.GetProperty("missingAssets").EnumerateArray().Select(l => l.GetProperty("assetId").GetInt64()));
        var export = await engineer.GetAsync(new Uri($"/api/v1/stocktakes/{id}/export?format=xlsx", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var csv = await (await engineer.GetAsync(new Uri($"/api/v1/stocktakes/{id}/export?format=csv", UriKind.Relative), Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("ZC-2026-000402", csv, StringComparison.Ordinal);
        Assert.Contains("missing", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finishing_twice_or_scanning_after_the_finish_is_refused_with_409()
    {
        var it = await DepartmentAsync("信息科");
        await StoredAssetAsync(it, "ZC-2026-000411", At("3F"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await StartAsync(engineer);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/stocktakes/{id}/finish")).StatusCode);

        var twice = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/stocktakes/{id}/finish"), HttpStatusCode.Conflict);
        var late = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/stocktakes/{id}/scan", new { tag = "ZC-2026-000411" }), HttpStatusCode.Conflict);

        Assert.Equal(StocktakeErrors.Finished, twice.Code);
        Assert.Equal(StocktakeErrors.Finished, late.Code);
        Assert.False(await WithDbAsync(db => db.Set<StocktakeLine>().AnyAsync(l => l.Found, Cancel)));
    }

    [Fact]
    public async Task An_unknown_tag_or_a_location_given_out_of_order_is_refused_with_400()
    {
        var it = await DepartmentAsync("信息科");
        await StoredAssetAsync(it, "ZC-2026-000421", At("3F"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await StartAsync(engineer);

        var unknown = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/stocktakes/{id}/scan", new { tag = "ZC-1999-999999" }), HttpStatusCode.BadRequest);
        var noCampus = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/stocktakes", new { building = "门诊楼" }), HttpStatusCode.BadRequest);
        var floorWithoutBuilding = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/stocktakes", new { campus = "本院区", floor = "3F" }), HttpStatusCode.BadRequest);

        Assert.Contains("tag", unknown.Errors.Keys);
        Assert.Contains("campus", noCampus.Errors.Keys);
        Assert.Contains("building", floorWithoutBuilding.Errors.Keys);
        Assert.Equal(1, await WithDbAsync(db => db.Set<Stocktake>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-08")]
    public async Task Only_holders_of_the_stocktake_permission_reach_stocktakes()
    {
        var cardiology = await DepartmentAsync("心内科");
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));
        var operatorClient = await SignInAsync(await CreateUserAsync("zhou.zhiban", BuiltInRoles.DutyOperator));

        var byHead = await PostAsync(head, "/api/v1/stocktakes", new { campus = "本院区" });
        var listByOperator = await operatorClient.GetAsync(new Uri("/api/v1/stocktakes", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, byHead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listByOperator.StatusCode);
        Assert.False(await WithDbAsync(db => db.Set<Stocktake>().AnyAsync(Cancel)));
    }

    [Fact]
    public async Task The_scan_page_takes_a_scanners_keystrokes_and_enter_without_script()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000431", At("3F"));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = await StartAsync(engineer);
        var page = $"/assets/stocktakes/{id}/scan";
        var html = await engineer.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);

        var posted = await PageForms.SubmitAsync(engineer, html, page, new() { ["Tag"] = "ZC-2026-000431" });
        var after = await engineer.GetStringAsync(new Uri(page, UriKind.Relative), Cancel);

        Assert.Contains("autofocus", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" data-testid=\"scan-form\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("ZC-2026-000431", after, StringComparison.Ordinal);
        Assert.True(await WithDbAsync(db => db.Set<StocktakeLine>().AnyAsync(l => l.AssetId == asset && l.Found, Cancel)));
    }

    private static Action<Asset> At(string floor) => a =>
    {
        a.Campus = "本院区";
        a.Building = "门诊楼";
        a.Floor = floor;
    };

    private static async Task<long> StartAsync(HttpClient client)
    {
        var started = await PostAsync(client, "/api/v1/stocktakes", new { campus = "本院区", building = "门诊楼", floor = "3F" });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync(Cancel));
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("stocktake").GetProperty("id").GetInt64();
    }
}
