using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Import;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Organization;

/// <summary>
/// The shared import pattern, through the people import: a dry run reports every rejected row,
/// strict imports nothing when any row fails, lenient imports the good rows, a malformed or
/// oversized file imports nothing.
/// </summary>
public abstract class PeopleImportTests(DatabaseKind kind) : OrganizationTest(kind)
{
    private const int SmallLimitBytes = 64 * 1024;

    public sealed class OnSqlite() : PeopleImportTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PeopleImportTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.Configure<ImportOptions>(o =>
        {
            o.MaxBytes = SmallLimitBytes * 4;
            o.MaxRows = 1_500;
        });
    }

    [Fact]
    public async Task One_bad_row_in_a_thousand_imports_nothing_in_strict_mode_and_the_rest_in_lenient_mode()
    {
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var rows = Enumerable.Range(1, 1_000).Select(i => new Dictionary<string, object?>
        {
            ["工号"] = $"E{i:D5}",
            ["姓名"] = $"员工{i}",
            ["科室"] = i == 437 ? "不存在的科室" : "心血管内科",
            ["职务/职称"] = "护士",
            ["电话"] = $"139{i:D8}",
        }).ToList();
        var xlsx = Xlsx(rows);

        var strict = await ImportAsync(client, xlsx, "strict");
        var strictReport = await strict.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        Assert.Equal(0, strictReport.GetProperty("imported").GetInt32());
        Assert.Equal(999, strictReport.GetProperty("accepted").GetInt32());
        var error = Assert.Single(strictReport.GetProperty("errors").EnumerateArray());
        Assert.Equal(438, error.GetProperty("row").GetInt32());
        Assert.Equal("科室", error.GetProperty("column").GetString());
        Assert.Equal(PeopleImportProfile.DepartmentUnknown, error.GetProperty("code").GetString());
        Assert.Contains("不存在的科室", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));

        var lenient = await ImportAsync(client, xlsx, "lenient");
        var lenientReport = await lenient.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(999, lenientReport.GetProperty("imported").GetInt32());
        Assert.Equal(999, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
        Assert.False(await WithDbAsync(db => db.Set<Person>().AnyAsync(p => p.EmployeeNumber == "E00437", Cancel)));
        var audited = await WithDbAsync(db => db.Set<AuditEvent>().Where(e => e.Action == Importer.AuditActionName).Select(e => e.Outcome).ToListAsync(Cancel));
        Assert.Equal([AuditOutcome.Refused, AuditOutcome.Success], audited);
    }

    [Fact]
    public async Task A_dry_run_reports_every_rejected_row_and_writes_nothing()
    {
        await PersonAsync("E00002", "已登记", CardiologyId);
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var csv = "工号,姓名,科室,电话,状态\r\nE00001,甲,心血管内科,13900000001,在职\r\nE00002,乙,心血管内科,,在职\r\nE00001,丙,呼吸内科,,在职\r\nE00004,,呼吸内科,abc,退休\r\nE00005,戊,呼吸内科,,休假\r\n";

        var response = await ImportAsync(client, Encoding.UTF8.GetBytes(csv), "strict", dryRun: true);

        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(5, report.GetProperty("totalRows").GetInt32());
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(3, report.GetProperty("rejected").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains((3, PersonErrors.EmployeeNumberTaken), errors);
        Assert.Contains((4, ImportErrors.DuplicateInFile), errors);
        Assert.Contains((5, ImportErrors.Required), errors);
        Assert.Contains((5, ImportErrors.InvalidChoice), errors);
        Assert.Equal(1, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_csv_saved_by_chinese_excel_in_gb18030_is_read()
    {
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var gb = Encoding.GetEncoding("GB18030");

        var response = await ImportAsync(client, gb.GetBytes("工号,姓名,科室\r\nG001,欧阳娜娜,呼吸内科\r\n"), "strict");

        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("imported").GetInt32());
        Assert.Equal("欧阳娜娜", await WithDbAsync(db => db.Set<Person>().Select(p => p.Name).SingleAsync(Cancel)));
    }

    [Theory]
    [InlineData("broken-zip")]
    [InlineData("binary")]
    [InlineData("bad-quotes")]
    public async Task A_malformed_file_imports_nothing(string kind)
    {
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var good = Xlsx([new Dictionary<string, object?> { ["工号"] = "M1", ["姓名"] = "甲", ["科室"] = "心血管内科" }]);
        var content = kind switch
        {
            "broken-zip" => good[..(good.Length / 2)],
            "binary" => [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10],
            _ => Encoding.UTF8.GetBytes("工号,姓名,科室\r\nM1,\"甲,心血管内科\r\nM2,乙\"x\"y,心血管内科\r\n"),
        };

        var response = await ImportAsync(client, content, "lenient");

        Assert.Equal(ImportErrors.Malformed, (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_file_over_the_size_or_row_limit_or_without_required_columns_imports_nothing()
    {
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var huge = new StringBuilder("工号,姓名,科室\r\n");
        while (huge.Length < SmallLimitBytes * 5)
        {
            huge.Append('X').Append(huge.Length).Append(",名字很长很长很长很长,心血管内科\r\n");
        }

        var many = new StringBuilder("工号,姓名,科室\r\n");
        for (var i = 0; i < 1_501; i++)
        {
            many.Append('R').Append(i).Append(",甲,心血管内科\r\n");
        }

        var tooLarge = await ImportAsync(client, Encoding.UTF8.GetBytes(huge.ToString()), "lenient");
        var tooMany = await ImportAsync(client, Encoding.UTF8.GetBytes(many.ToString()), "lenient");
        var missing = await ImportAsync(client, Encoding.UTF8.GetBytes("工号,科室\r\nA1,心血管内科\r\n"), "lenient");

        Assert.Equal(ImportErrors.TooLarge, (await Problems.ReadAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge)).Code);
        Assert.Equal(ImportErrors.TooManyRows, (await Problems.ReadAsync(tooMany, HttpStatusCode.BadRequest)).Code);
        var problem = await Problems.ReadAsync(missing, HttpStatusCode.BadRequest);
        Assert.Equal(ImportErrors.MissingColumns, problem.Code);
        Assert.Contains("姓名", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task The_template_has_the_columns_in_the_callers_language_and_imports_back()
    {
        var client = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var template = await client.GetByteArrayAsync("/api/v1/people/import/template?format=csv", Cancel);

        Assert.Equal("\uFEFF工号,姓名,科室,职务/职称,电话,状态", Encoding.UTF8.GetString(template).TrimEnd());
        var english = Encoding.UTF8.GetBytes("Employee number,Name,Department\r\nEN1,Li Lei,呼吸内科\r\n");
        Assert.Equal(1, (await (await ImportAsync(client, english, "strict")).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_liaison_may_not_import()
    {
        var liaison = await SignInAsync(await CreateUserAsync("zhao.lianluo", $"{BuiltInRoles.DeptLiaison}@{CardiologyId}"));

        var refused = await ImportAsync(liaison, Encoding.UTF8.GetBytes("工号,姓名,科室\r\nA1,甲,心血管内科\r\n"), "strict");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string mode, bool dryRun = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/people/import?mode={mode}&dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        return await client.SendAsync(request, Cancel);
    }
}
