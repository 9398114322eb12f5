using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Organization;

/// <summary>The people pages: the list, a person registered and changed through forms, the import page's dry run.</summary>
public abstract partial class PeoplePagesTests(DatabaseKind kind) : OrganizationTest(kind)
{
    public sealed class OnSqlite() : PeoplePagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PeoplePagesTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_liaison_registers_a_new_nurse_through_the_form_and_a_bad_phone_is_shown_on_the_form()
    {
        var liaison = await SignInAsync(await CreateUserAsync("zhao.lianluo", $"{BuiltInRoles.DeptLiaison}@{CardiologyId}"));
        var form = await liaison.GetStringAsync("/organization/people/new", Cancel);
        Assert.DoesNotContain("呼吸内科", form, StringComparison.Ordinal);

        var bad = await PageForms.SubmitAsync(liaison, form, "/organization/people/new", Fields("N100", "新护士", "not-a-phone"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("电话号码格式不正确", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var saved = await PageForms.SubmitAsync(liaison, form, "/organization/people/new", Fields("N100", "新护士", "13800000000"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = await WithDbAsync(db => db.Set<Person>().Where(p => p.EmployeeNumber == "N100").Select(p => p.Id).SingleAsync(Cancel));
        Assert.Equal($"/organization/people/{id}", saved.Headers.Location?.OriginalString);
        var detail = await liaison.GetStringAsync($"/organization/people/{id}", Cancel);
        Assert.Contains("新护士", detail, StringComparison.Ordinal);
        Assert.Contains("13800000000", detail, StringComparison.Ordinal);
        var list = await liaison.GetStringAsync("/organization/people", Cancel);
        Assert.Contains("N100", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaver_is_recorded_on_the_person_page_and_a_stale_form_changes_nothing()
    {
        var person = await PersonAsync("N200", "老护士", CardiologyId);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var page = await engineer.GetStringAsync($"/organization/people/{person.Id}", Cancel);

        var stale = await PageForms.SubmitAsync(engineer, page, $"/organization/people/{person.Id}?handler=Status", new() { ["NewStatus"] = "Left", ["ExpectedVersion"] = "7" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(PersonStatus.Active, await StatusAsync(person.Id));

        var left = await PageForms.SubmitAsync(engineer, page, $"/organization/people/{person.Id}?handler=Status", new() { ["NewStatus"] = "Left", ["ExpectedVersion"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(PersonStatus.Left, await StatusAsync(person.Id));
    }

    [Fact]
    public async Task The_import_page_shows_a_dry_run_with_the_rejected_rows()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var page = await engineer.GetStringAsync("/organization/people/import", Cancel);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Strict"), "Mode" },
            { new StringContent("true"), "DryRun" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("工号,姓名,科室\r\nP1,甲,心血管内科\r\nP2,乙,无此科室\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "File", "people.csv");

        var response = await engineer.PostAsync(new Uri("/organization/people/import", UriKind.Relative), form, Cancel);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("试运行：共 2 行，1 行可导入，1 行被拒绝", html, StringComparison.Ordinal);
        Assert.Contains("无此科室", html, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Staff_cannot_open_the_people_pages()
    {
        var staff = await SignInAsync(await CreateUserAsync("xiao.li", $"{BuiltInRoles.Staff}@{CardiologyId}"));

        foreach (var page in new[] { "/organization/people", "/organization/people/import", "/organization/departments" })
        {
            var refused = await staff.GetAsync(page, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/status/403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    private Dictionary<string, string> Fields(string number, string name, string phone) => new()
    {
        ["Form.EmployeeNumber"] = number,
        ["Form.Name"] = name,
        ["Form.DepartmentId"] = CardiologyWardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Title"] = "护士",
        ["Form.Phone"] = phone,
    };

    private Task<PersonStatus> StatusAsync(long id) => WithDbAsync(db => db.Set<Person>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync(Cancel));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
