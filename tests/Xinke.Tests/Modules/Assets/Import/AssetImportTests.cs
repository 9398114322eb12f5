using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Import;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Import;

/// <summary>
/// The inventory import: names resolve (type by code or Chinese name, department by name, responsible
/// person by employee number), every rejected row is named with its column, strict imports nothing
/// when a row fails, lenient the rest, and a malformed file imports nothing.
/// </summary>
public abstract class AssetImportTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : AssetImportTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetImportTests(DatabaseKind.Postgres);

    [Fact]
    public async Task Rows_breaking_a_rule_are_named_by_row_and_column_and_strict_mode_imports_nothing()
    {
        var clinic = await DepartmentAsync("门诊部");
        await PersonAsync(clinic, "D0001", "刘医生");
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var rows = Enumerable.Range(1, 300).Select(i => new Dictionary<string, object?>
        {
            ["资产编号"] = $"OLD-{i:D4}",
            ["设备类型"] = i % 2 == 0 ? "台式计算机" : "printer",
            ["型号"] = "启天 M437",
            ["所属科室"] = i == 120 ? "不存在的科室" : "门诊部",
            ["责任人工号"] = i == 200 ? "X9999" : "D0001",
            ["MAC 地址"] = i == 250 ? "zz:zz" : null,
            ["采购价格"] = "4,999.00",
        }).ToList();
        var xlsx = Xlsx(rows);

        var strict = await ImportAsync(director, xlsx, "strict");
        var report = await strict.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        Assert.Equal(0, report.GetProperty("imported").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(121, "所属科室", AssetImportProfile.UnknownDepartmentCode), (201, "责任人工号", AssetImportProfile.UnknownPersonCode), (251, "MAC 地址", AssetErrors.InvalidMac)], errors);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Asset>().CountAsync(Cancel)));

        var lenient = await (await ImportAsync(director, xlsx, "lenient")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(297, lenient.GetProperty("imported").GetInt32());
        Assert.Equal(297, await WithDbAsync(db => db.Set<Asset>().CountAsync(Cancel)));
        Assert.Equal(297, await WithDbAsync(db => db.Set<AssetEvent>().CountAsync(e => e.Kind == AssetEventKind.Registered, Cancel)));
        var pc = await WithDbAsync(db => db.Set<Asset>().SingleAsync(a => a.Tag == "OLD-0002", Cancel));
        Assert.Equal(BuiltInTypeId("pc"), pc.TypeId);
        Assert.Equal(4999.00m, pc.PurchasePrice);
        Assert.NotNull(pc.ResponsiblePersonId);

        var again = await (await ImportAsync(director, xlsx, "strict", dryRun: true)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Contains(again.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("code").GetString() == AssetErrors.TagTaken);
    }

    [Fact]
    public async Task A_malformed_file_imports_nothing()
    {
        await DepartmentAsync("门诊部");
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var broken = Xlsx([new() { ["设备类型"] = "pc", ["所属科室"] = "门诊部" }])[..200];

        var response = await ImportAsync(director, broken, "lenient");

        Assert.Equal(ImportErrors.Malformed, (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Asset>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Only_holders_of_the_import_permission_import_and_the_template_names_the_columns()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(engineer, [], "strict")).StatusCode);
        var template = await director.GetStringAsync(new Uri("/api/v1/assets/import/template?format=csv", UriKind.Relative), Cancel);
        Assert.Contains("资产编号", template, StringComparison.Ordinal);
        Assert.Contains("责任人工号", template, StringComparison.Ordinal);
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string mode, bool dryRun = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assets/import?mode={mode}&dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        return await client.SendAsync(request, Cancel);
    }
}
