using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Scrapping;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Scrapping;

/// <summary>
/// Scrapping (EQ-06): an appraisal recommending it, started by someone other than the appraiser,
/// approved by the IT director (and leadership above the threshold) who is not the appraiser
/// either, completed with a data-destruction record for a device that held data.
/// </summary>
public abstract class ScrappingApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : ScrappingApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ScrappingApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task Starting_a_scrapping_without_an_appraisal_recommending_it_is_refused_naming_EQ_06()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000101");
        var appraiser = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var none = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap", new { reason = "老化" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(appraiser, $"/api/v1/assets/{asset}/appraisals", new { findings = "主板电容鼓包，可更换", recommendation = "repair" })).StatusCode);
        var repairAdvised = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap", new { reason = "老化" }), HttpStatusCode.Conflict);

        Assert.Equal(ScrapErrors.AppraisalRequired, none.Code);
        Assert.Contains("EQ-06", none.Detail, StringComparison.Ordinal);
        Assert.Equal(ScrapErrors.AppraisalRequired, repairAdvised.Code);
        Assert.False(await WithDbAsync(db => db.Set<AssetScrapping>().AnyAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task The_appraiser_may_neither_start_the_scrapping_nor_approve_it()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000102", a => a.PurchasePrice = 6000m);
        var appraiser = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.ItDirector));
        var director = await SignInAsync(await CreateUserAsync("qian.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await AppraiseForScrapAsync(appraiser, asset);

        var own = await Problems.ReadAsync(await PostAsync(appraiser, $"/api/v1/assets/{asset}/scrap", new { reason = "无法修复" }), HttpStatusCode.Conflict);
        var approval = await StartAsync(engineer, asset);
        var vetoed = await Problems.ReadAsync(await PostAsync(appraiser, $"/api/v1/approvals/{approval}/approve"), HttpStatusCode.Conflict);
        var rejectVetoed = await Problems.ReadAsync(await PostAsync(appraiser, $"/api/v1/approvals/{approval}/reject", new { comment = "不同意" }), HttpStatusCode.Conflict);
        var approved = await PostAsync(director, $"/api/v1/approvals/{approval}/approve");

        Assert.Equal(ScrapErrors.AppraiserConflict, own.Code);
        Assert.Contains("EQ-06", own.Detail, StringComparison.Ordinal);
        Assert.Equal(ScrapErrors.AppraiserConflict, vetoed.Code);
        Assert.Equal(ScrapErrors.AppraiserConflict, rejectVetoed.Code);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(AssetStatus.AwaitingScrapping, await StatusAsync(asset));
    }

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task A_costly_device_that_held_data_needs_leadership_and_a_destruction_record_before_it_is_scrapped()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000103", a =>
        {
            a.PurchasePrice = 180_000m;
            a.HoldsData = true;
        });
        var appraiser = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.ItDirector));
        var director = await SignInAsync(await CreateUserAsync("qian.zhuren", BuiltInRoles.ItDirector));
        var leader = await SignInAsync(await CreateUserAsync("sun.yuanzhang", BuiltInRoles.Leadership));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await AppraiseForScrapAsync(appraiser, asset);
        var approval = await StartAsync(engineer, asset);

        var early = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap/complete", new { disposalMethod = "交回收商" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/approvals/{approval}/approve")).StatusCode);
        var afterDirector = await StatusAsync(asset);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(leader, $"/api/v1/approvals/{approval}/approve")).StatusCode);
        var noDestruction = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap/complete", new { disposalMethod = "交回收商" }), HttpStatusCode.BadRequest);
        var scrapping = await WithDbAsync(db => db.Set<AssetScrapping>().SingleAsync(Cancel));
        var certificate = await AttachmentUploads.AttachAsync(engineer, ScrappingAttachments.OwnerType, scrapping.Id, "数据销毁证明.pdf", "application/pdf", AttachmentUploads.Pdf());
        var completed = await PostAsync(engineer, $"/api/v1/assets/{asset}/scrap/complete", new
        {
            disposalMethod = "交回收商",
            dataDestruction = new { method = "硬盘消磁并物理粉碎", by = "王工", at = "2026-03-02T10:00:00+08:00", certificateAttachmentId = certificate },
        });

        Assert.Equal(ScrapErrors.NotApproved, early.Code);
        Assert.Equal(AssetStatus.InUse, afterDirector);
        Assert.Equal(ScrapErrors.DataDestructionRequired, noDestruction.Code);
        Assert.Contains("dataDestruction.method", noDestruction.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var body = await completed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Completed", body.GetProperty("status").GetString());
        Assert.Equal(AssetStatus.Scrapped, await StatusAsync(asset));
        var events = await WithDbAsync(db => db.Set<AssetEvent>().Where(e => e.AssetId == asset).Select(e => e.Kind).ToListAsync(Cancel));
        Assert.Contains(AssetEventKind.Appraisal, events);
        Assert.Equal(3, events.Count(e => e == AssetEventKind.Scrapping));
    }

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task An_engineer_without_the_appraisal_qualification_cannot_appraise()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await StoredAssetAsync(it, "ZC-2026-000104");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var refused = await PostAsync(engineer, $"/api/v1/assets/{asset}/appraisals", new { findings = "报废", recommendation = "scrap" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await WithDbAsync(db => db.Set<AssetAppraisal>().AnyAsync(Cancel)));
    }

    private static async Task AppraiseForScrapAsync(HttpClient appraiser, long asset)
    {
        var appraised = await PostAsync(appraiser, $"/api/v1/assets/{asset}/appraisals", new { findings = "主板烧毁，备件停产，无维修价值", recommendation = "scrap" });
        Assert.Equal(HttpStatusCode.Created, appraised.StatusCode);
    }

    private static async Task<long> StartAsync(HttpClient starter, long asset)
    {
        var started = await PostAsync(starter, $"/api/v1/assets/{asset}/scrap", new { reason = "无维修价值" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("approvalId").GetInt64();
    }

    private Task<AssetStatus> StatusAsync(long asset) =>
        WithDbAsync(db => db.Set<Asset>().AsNoTracking().Where(a => a.Id == asset).Select(a => a.Status).SingleAsync(Cancel));
}
