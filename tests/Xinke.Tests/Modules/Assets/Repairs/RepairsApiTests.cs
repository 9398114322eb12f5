using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Repairs;

/// <summary>Repairs (EQ-05): recorded and changed by qualified technicians only; the asset is under repair meanwhile.</summary>
public abstract class RepairsApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : RepairsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : RepairsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task Nobody_without_the_repair_permission_records_a_repair()
    {
        var cardiology = await DepartmentAsync("心内科");
        var asset = await StoredAssetAsync(cardiology, "ZC-2026-000201");
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));
        var operatorClient = await SignInAsync(await CreateUserAsync("zhou.zhiban", BuiltInRoles.DutyOperator));

        var byHead = await PostAsync(head, "/api/v1/repairs", new { assetId = asset, fault = "开不了机", kind = "inHouse" });
        var byOperator = await PostAsync(operatorClient, "/api/v1/repairs", new { assetId = asset, fault = "开不了机", kind = "inHouse" });

        Assert.Equal(HttpStatusCode.Forbidden, byHead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOperator.StatusCode);
        Assert.False(await WithDbAsync(db => db.Set<AssetRepair>().AnyAsync(Cancel)));
        Assert.Equal(AssetStatus.InUse, await StatusAsync(asset));
    }

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task A_vendor_repair_names_the_vendor_and_its_engineer()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000202");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var noEngineer = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/repairs", new { assetId = asset, fault = "电源故障", kind = "vendor", vendorName = "联想服务站" }), HttpStatusCode.BadRequest);
        var noFault = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/repairs", new { assetId = asset, kind = "inHouse" }), HttpStatusCode.BadRequest);

        Assert.Equal(RepairErrors.VendorEngineerRequired, noEngineer.Code);
        Assert.Contains("vendorEngineer", noEngineer.Errors.Keys);
        Assert.Contains("EQ-05", noEngineer.Detail, StringComparison.Ordinal);
        Assert.Contains("fault", noFault.Errors.Keys);
    }

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task A_repair_puts_the_asset_under_repair_and_finishing_it_returns_the_previous_status()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000203");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var recorded = await PostAsync(engineer, "/api/v1/repairs", new
        {
            assetId = asset,
            fault = "硬盘坏道",
            kind = "vendor",
            vendorName = "联想服务站",
            vendorEngineer = "陈工",
            parts = new List<string> { "硬盘 1TB" },
            cost = 450.5m,
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        var during = await StatusAsync(asset);
        var second = await Problems.ReadAsync(await PostAsync(engineer, "/api/v1/repairs", new { assetId = asset, fault = "又坏了", kind = "inHouse" }), HttpStatusCode.Conflict);
        var finished = await PostAsync(engineer, $"/api/v1/repairs/{id}/finish", new { notes = "已更换硬盘并恢复系统" });

        Assert.Equal(AssetStatus.UnderRepair, during);
        Assert.Equal(RepairErrors.InProgress, second.Code);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(AssetStatus.InUse, await StatusAsync(asset));
        var repair = await WithDbAsync(db => db.Set<AssetRepair>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(["硬盘 1TB"], repair.Parts);
        Assert.Equal(450.5m, repair.Cost);
        Assert.NotNull(repair.FinishedAt);
        Assert.Equal(2, await WithDbAsync(db => db.Set<AssetEvent>().CountAsync(e => e.AssetId == asset && e.Kind == AssetEventKind.Repair, Cancel)));
    }

    [Fact]
    public async Task A_stale_edit_of_a_repair_is_refused_with_412()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000204");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var recorded = await PostAsync(engineer, "/api/v1/repairs", new { assetId = asset, fault = "屏幕闪烁", kind = "inHouse" });
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        var etag = recorded.Headers.ETag!.Tag;

        var first = await PatchAsync(engineer, id, etag, new { fault = "屏幕闪烁，排线松动", kind = "inHouse", parts = new List<string> { "屏幕排线" } });
        var stale = await PatchAsync(engineer, id, etag, new { fault = "别的", kind = "inHouse" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("屏幕闪烁，排线松动", await WithDbAsync(db => db.Set<AssetRepair>().Select(r => r.Fault).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_department_head_sees_the_repairs_of_their_department_only()
    {
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        var own = await StoredAssetAsync(cardiology, "ZC-2026-000205");
        var other = await StoredAssetAsync(radiology, "ZC-2026-000206");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await PostAsync(engineer, "/api/v1/repairs", new { assetId = own, fault = "键盘失灵", kind = "inHouse" });
        var hidden = await PostAsync(engineer, "/api/v1/repairs", new { assetId = other, fault = "打印卡纸", kind = "inHouse" });
        var hiddenId = (await hidden.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));

        var list = await head.GetFromJsonAsync<JsonElement>("/api/v1/repairs", Cancel);
        var read = await head.GetAsync(new Uri($"/api/v1/repairs/{hiddenId}", UriKind.Relative), Cancel);

        Assert.Equal(["键盘失灵"], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fault").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/repairs/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Cancel);
    }

    private Task<AssetStatus> StatusAsync(long asset) =>
        WithDbAsync(db => db.Set<Asset>().AsNoTracking().Where(a => a.Id == asset).Select(a => a.Status).SingleAsync(Cancel));
}
