using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Requests;

namespace Xinke.Tests.Modules.Assets.Requests;

/// <summary>
/// The evidence of the asset flows: EQ-02 (devices handed out only on approved requests), EQ-05
/// (repairs recorded by qualified technicians, vendor repairs naming vendor and engineer), EQ-06
/// (scrapping only after appraisal and approval). Each is met on records made through the API and
/// falls when a row the API would refuse is written straight into the database.
/// </summary>
public abstract class AssetFlowsEvidenceTests(DatabaseKind kind) : AssetRequestsTest(kind)
{
    public sealed class OnSqlite() : AssetFlowsEvidenceTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetFlowsEvidenceTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task Devices_handed_out_on_a_request_without_an_approval_make_EQ_02_not_met()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, staffAccount, staffPerson) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineerClient = await SignInAsync(engineer);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000301");
        var id = (await ApprovedAsync(staff, head, Laptops(1))).GetProperty("id").GetInt64();
        Assert.Equal("notMet", (await EvidenceAsync(director, "EQ-02")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineerClient, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } })).StatusCode);
        var met = await EvidenceAsync(director, "EQ-02");
        Assert.Equal("met", met.GetProperty("status").GetString());
        Assert.Equal("1 个已发放设备的申领中 1 个在发放前已获批准", met.GetProperty("reason").GetString());

        var other = await InStockLaptopAsync(it, "ZC-2026-000302");
        var unapproved = await WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var request = new AssetRequest
            {
                Code = "SL-2026-999999",
                TypeId = Laptop,
                Quantity = 1,
                Purpose = "未经审批",
                NeededFrom = new DateOnly(2026, 3, 2),
                DepartmentId = ward,
                PersonId = staffPerson,
                FiledById = staffAccount,
                FiledAt = now,
                Status = AssetRequestStatus.Fulfilled,
                FulfilledCount = 1,
            };
            request.Items.Add(new AssetRequestItem { AssetId = other, FulfilledById = engineer.Id, FulfilledAt = now });
            db.Add(request);
            await db.SaveChangesAsync(Cancel);
            return request.Id;
        });

        var answer = await EvidenceAsync(director, "EQ-02");
        Assert.Equal("notMet", answer.GetProperty("status").GetString());
        Assert.Equal("2 个已发放设备的申领中 1 个在发放前已获批准", answer.GetProperty("reason").GetString());
        Assert.Contains(answer.GetProperty("links").EnumerateArray(), l => l.GetProperty("href").GetString() == $"/assets/requests/{unapproved}");
        Assert.DoesNotContain(answer.GetProperty("links").EnumerateArray(), l => l.GetProperty("href").GetString() == $"/assets/requests/{id}");
    }

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task A_repair_recorded_by_someone_without_the_repair_permission_or_a_vendor_repair_without_its_engineer_makes_EQ_05_not_met()
    {
        var it = await DepartmentAsync("信息科");
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineerClient = await SignInAsync(engineer);
        var staff = await CreateUserAsync("li.hushi", BuiltInRoles.Staff);
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var asset = await StoredAssetAsync(it, "ZC-2026-000311");
        var opened = await StoredAssetAsync(it, "ZC-2026-000312");
        var vendor = await StoredAssetAsync(it, "ZC-2026-000313");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(engineerClient, "/api/v1/repairs", new { assetId = asset, fault = "开不了机", kind = "inHouse" })).StatusCode);
        Assert.Equal("met", (await EvidenceAsync(director, "EQ-05")).GetProperty("status").GetString());

        await WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            db.Add(new AssetRepair { AssetId = opened, Fault = "自行拆机换内存", Kind = RepairKind.InHouse, StartedAt = now, PreviousStatus = AssetStatus.InUse, RecordedById = staff.Id });
            db.Add(new AssetRepair { AssetId = vendor, Fault = "电源故障", Kind = RepairKind.Vendor, VendorName = "联想服务站", StartedAt = now, PreviousStatus = AssetStatus.InUse, RecordedById = engineer.Id });
            return await db.SaveChangesAsync(Cancel);
        });

        var answer = await EvidenceAsync(director, "EQ-05");
        Assert.Equal("notMet", answer.GetProperty("status").GetString());
        Assert.Equal("3 次维修中 1 次由具备维修资格的人员登记（外修注明厂商及工程师）", answer.GetProperty("reason").GetString());
        var links = answer.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()).ToList();
        Assert.Contains($"/assets/{opened}", links);
        Assert.Contains($"/assets/{vendor}", links);
        Assert.DoesNotContain($"/assets/{asset}", links);
    }

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task A_device_marked_scrapped_without_an_appraised_and_approved_scrapping_makes_EQ_06_not_met()
    {
        var it = await DepartmentAsync("信息科");
        var appraiser = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.ItDirector));
        var director = await SignInAsync(await CreateUserAsync("qian.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var asset = await StoredAssetAsync(it, "ZC-2026-000321", a => a.PurchasePrice = 3000m);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(appraiser, $"/api/v1/assets/{asset}/appraisals", new { findings = "主板烧毁，无维修价值", recommendation = "scrap" })).StatusCode);
        var started = await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap", new { reason = "无维修价值" });
        var approval = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("approvalId").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/approvals/{approval}/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap/complete", new { disposalMethod = "交回收商" })).StatusCode);
        var met = await EvidenceAsync(director, "EQ-06");
        Assert.Equal("met", met.GetProperty("status").GetString());
        Assert.Equal("1 台报废设备中 1 台经鉴定和审批后报废（存储数据的设备有销毁记录）", met.GetProperty("reason").GetString());

        var bypassed = await StoredAssetAsync(it, "ZC-2026-000322", a =>
        {
            a.Status = AssetStatus.Scrapped;
            a.UpdatedAt = Clock.GetUtcNow().UtcDateTime;
        });

        var answer = await EvidenceAsync(director, "EQ-06");
        Assert.Equal("notMet", answer.GetProperty("status").GetString());
        Assert.Equal("2 台报废设备中 1 台经鉴定和审批后报废（存储数据的设备有销毁记录）", answer.GetProperty("reason").GetString());
        var links = answer.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("href").GetString()).ToList();
        Assert.Contains($"/assets/{bypassed}", links);
        Assert.DoesNotContain($"/assets/{asset}", links);
    }
}
