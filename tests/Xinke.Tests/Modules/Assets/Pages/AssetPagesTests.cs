using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Modules.Assets.Requests;

namespace Xinke.Tests.Modules.Assets.Pages;

/// <summary>
/// The asset pages: a nurse files a device request and IT hands out a laptop from the detail page;
/// engineers register and edit devices with every field (a stale form refused); the IT director keeps
/// the types and dry-runs an inventory import.
/// </summary>
public abstract partial class AssetPagesTests(DatabaseKind kind) : AssetRequestsTest(kind)
{
    public sealed class OnSqlite() : AssetPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetPagesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task A_nurse_files_a_request_on_the_page_and_IT_hands_out_a_laptop_from_its_detail_page_after_the_approval()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, person) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000401");

        var form = await staff.GetStringAsync(new Uri("/assets/requests/new", UriKind.Relative), Cancel);
        var refused = await PageForms.SubmitAsync(staff, form, "/assets/requests/new", new() { ["typeId"] = Id(Laptop), ["quantity"] = "60", ["purpose"] = "查房", ["neededFrom"] = "2026-03-05" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("数量须为 1 至 50", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var filed = await PageForms.SubmitAsync(staff, form, "/assets/requests/new", new() { ["typeId"] = Id(Laptop), ["quantity"] = "1", ["purpose"] = "查房用", ["neededFrom"] = "2026-03-05" });
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var request = await WithDbAsync(db => db.Set<AssetRequest>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal($"/assets/requests/{request.Id}", filed.Headers.Location!.OriginalString);
        Assert.Equal(person, request.PersonId);
        Assert.Contains(request.Code, await staff.GetStringAsync(new Uri("/assets/requests?view=mine", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var pending = await engineer.GetStringAsync(new Uri($"/assets/requests/{request.Id}", UriKind.Relative), Cancel);
        Assert.DoesNotContain("fulfil-form", pending, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(head, $"/api/v1/approvals/{request.ApprovalId}/approve")).StatusCode);
        var detail = await engineer.GetStringAsync(new Uri($"/assets/requests/{request.Id}", UriKind.Relative), Cancel);
        Assert.Contains("fulfil-form", detail, StringComparison.Ordinal);
        Assert.Contains("ZC-2026-000401", detail, StringComparison.Ordinal);
        Assert.Contains(request.Code, await engineer.GetStringAsync(new Uri("/assets/requests?view=queue", UriKind.Relative), Cancel), StringComparison.Ordinal);
        var fulfilled = await PageForms.SubmitAsync(engineer, detail, $"/assets/requests/{request.Id}?handler=fulfil", new() { ["version"] = Version(detail), ["assetIds"] = Id(laptop) });

        Assert.Equal(HttpStatusCode.Redirect, fulfilled.StatusCode);
        var after = await staff.GetStringAsync(new Uri($"/assets/requests/{request.Id}", UriKind.Relative), Cancel);
        Assert.Contains("1/1", after, StringComparison.Ordinal);
        Assert.Contains($"/assets/{laptop}", after, StringComparison.Ordinal);
        Assert.Equal(AssetStatus.InUse, (await AssetAsync(laptop)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(await CreateUserAsync("zhao.hushi", BuiltInRoles.Staff))).GetAsync(new Uri($"/assets/requests/{request.Id}", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "EQ-01")]
    public async Task An_engineer_registers_a_device_on_the_page_sees_errors_by_field_and_a_stale_edit_is_refused()
    {
        var it = await DepartmentAsync("信息科");
        await PersonAsync(it, "E0001", "王工");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var fields = new Dictionary<string, string>
        {
            ["Form.TypeId"] = Id(BuiltInTypeId("switch")),
            ["Form.Status"] = "InUse",
            ["Form.Make"] = "华为",
            ["Form.Model"] = "S5735",
            ["Form.Campus"] = "本院区",
            ["Form.Room"] = "中心机房",
            ["Form.OwningDepartmentId"] = Id(it),
            ["Form.ResponsibleEmployeeNumber"] = "E0001",
            ["Form.IsKeyDevice"] = "true",
            ["Form.MacAddress"] = "zz:zz",
        };

        var form = await engineer.GetStringAsync(new Uri("/assets/new", UriKind.Relative), Cancel);
        var badMac = await PageForms.SubmitAsync(engineer, form, "/assets/new", fields);
        var badMacPage = await badMac.Content.ReadAsStringAsync(Cancel);
        fields["Form.MacAddress"] = "00-1a-2b-3c-4d-5e";
        var noPlace = await (await PageForms.SubmitAsync(engineer, form, "/assets/new", fields)).Content.ReadAsStringAsync(Cancel);
        fields["Form.DesignatedLocation"] = "本院区 / 中心机房";
        var created = await PageForms.SubmitAsync(engineer, form, "/assets/new", fields);

        Assert.Equal(HttpStatusCode.OK, badMac.StatusCode);
        Assert.Matches(FieldError("MacAddress"), badMacPage);
        Assert.Contains("EQ-01", noPlace, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var asset = await WithDbAsync(db => db.Set<Asset>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal($"/assets/{asset.Id}", created.Headers.Location!.OriginalString);
        Assert.Equal("00:1A:2B:3C:4D:5E", asset.MacAddress);
        Assert.True(asset.IsKeyDevice);
        Assert.NotNull(asset.ResponsiblePersonId);
        Assert.Contains($"/assets/{asset.Id}/edit", await engineer.GetStringAsync(new Uri($"/assets/{asset.Id}", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var edit = await engineer.GetStringAsync(new Uri($"/assets/{asset.Id}/edit", UriKind.Relative), Cancel);
        fields["Form.Tag"] = asset.Tag;
        fields["Form.Model"] = "S5735-L48";
        var stale = await PageForms.SubmitAsync(engineer, edit, $"/assets/{asset.Id}/edit", new(fields) { ["version"] = "999" });
        var saved = await PageForms.SubmitAsync(engineer, edit, $"/assets/{asset.Id}/edit", new(fields) { ["version"] = Version(edit) });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("记录已被他人修改", await stale.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("S5735-L48", (await AssetAsync(asset.Id)).Model);
        var readOnly = await SignInAsync(await CreateUserAsync("zhou.zhiban", BuiltInRoles.DutyOperator));
        AssertDenied(await readOnly.GetAsync(new Uri($"/assets/{asset.Id}/edit", UriKind.Relative), Cancel));
    }

    [Fact]
    public async Task The_IT_director_adds_and_renames_types_and_dry_runs_an_import_that_names_the_rejected_row()
    {
        await DepartmentAsync("门诊部");
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var page = await director.GetStringAsync(new Uri("/assets/types", UriKind.Relative), Cancel);
        var added = await PageForms.SubmitAsync(director, page, "/assets/types?handler=add", new() { ["code"] = "pda", ["nameZh"] = "移动护理终端", ["nameEn"] = "Nursing PDA" });
        var taken = await PageForms.SubmitAsync(director, page, "/assets/types?handler=add", new() { ["code"] = "pda", ["nameZh"] = "重复", ["nameEn"] = "Duplicate" });
        var type = await WithDbAsync(db => db.Set<AssetType>().AsNoTracking().SingleAsync(t => t.Code == "pda", Cancel));
        var renamed = await PageForms.SubmitAsync(director, page, $"/assets/types?handler=rename&id={type.Id}", new() { ["version"] = Id(type.Version), ["nameZh"] = "手持终端", ["nameEn"] = "Handheld" });
        var stale = await PageForms.SubmitAsync(director, page, $"/assets/types?handler=rename&id={type.Id}", new() { ["version"] = Id(type.Version), ["nameZh"] = "不该生效", ["nameEn"] = "Stale" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("手持终端", (await WithDbAsync(db => db.Set<AssetType>().AsNoTracking().SingleAsync(t => t.Id == type.Id, Cancel))).NameZh);
        AssertDenied(await engineer.GetAsync(new Uri("/assets/types", UriKind.Relative), Cancel));

        var import = await director.GetStringAsync(new Uri("/assets/import", UriKind.Relative), Cancel);
        var csv = "资产编号,设备类型,型号,所属科室\nOLD-0001,printer,HP M404,门诊部\nOLD-0002,printer,HP M404,不存在的科室\n";
        var report = await (await UploadAsync(director, import, csv)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("import-report", report, StringComparison.Ordinal);
        Assert.Matches("<tr><td>3</td><td>所属科室</td>", report);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Asset>().CountAsync(Cancel)));
    }

    /// <summary>A page the caller lacks the permission for sends them to the 403 status page.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/status/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Version(string html) => VersionField().Match(html).Groups[1].Value;

    private static Regex FieldError(string field) => new($"data-field=\"{field}\">[^<]+<", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string csv)
    {
        var token = TokenField().Match(page).Groups[1].Value;
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Strict"), "Mode" },
            { new StringContent("true"), "DryRun" },
            { file, "File", "inventory.csv" },
        };
        return await client.PostAsync(new Uri("/assets/import", UriKind.Relative), form, Cancel);
    }

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
