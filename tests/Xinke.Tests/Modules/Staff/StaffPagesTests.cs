using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>The trainings and agreements pages, driven as a person at a browser would.</summary>
public sealed class StaffPagesTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task An_engineer_records_a_session_and_its_results_from_the_pages()
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        var person = await StaffTestRecords.PersonAsync(App, department, "李四");
        var system = await StaffTestRecords.SystemAsync(App, department, "HIS");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var form = await PageAsync(engineer, "/staff/trainings/new");
        Assert.Contains("HIS 系统", form, StringComparison.Ordinal);
        var created = await PageForms.SubmitAsync(engineer, form, "/staff/trainings/new", new()
        {
            ["kind"] = "SystemUse",
            ["systemId"] = $"{system}",
            ["title"] = "HIS 护士站操作培训",
            ["heldOn"] = "2026-02-26",
            ["hours"] = "2",
            ["place"] = "门诊楼五楼",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailPath = created.Headers.Location!.OriginalString;

        var detail = await PageAsync(engineer, detailPath);
        var recorded = await PageForms.SubmitAsync(engineer, detail, $"{detailPath}?handler=Results", new() { ["personId"] = $"{person}", ["result"] = "Passed", ["score"] = "92" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var after = await PageAsync(engineer, detailPath);
        Assert.Contains("李四", after, StringComparison.Ordinal);
        Assert.Contains("通过", after, StringComparison.Ordinal);
        Assert.Contains("HIS 护士站操作培训", await PageAsync(engineer, "/staff/trainings?kind=SystemUse"), StringComparison.Ordinal);
        var history = await PageAsync(engineer, $"/staff/people/{person}");
        Assert.Contains("HIS 护士站操作培训", history, StringComparison.Ordinal);
        Assert.Equal(AttendanceResult.Passed, await App.WithDbAsync(db => db.Set<TrainingAttendance>().Select(a => a.Result).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task A_person_reads_and_accepts_the_agreement_on_its_page_and_sees_when()
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        await StaffTestRecords.PublishAgreementAsync(App, new DateOnly(2026, 1, 1));
        var account = await CreateUserAsync("lisi", BuiltInRoles.Staff);
        await StaffTestRecords.PersonAsync(App, department, "李四", accountId: account.Id);
        var user = await SignInAsync(account);

        var page = await PageAsync(user, "/staff/agreements/accept");
        Assert.Contains("对接触到的患者信息负有保密义务", page, StringComparison.Ordinal);
        var accepted = await PageForms.SubmitAsync(user, page, "/staff/agreements/accept", []);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("您已于 2026-03-02", await PageAsync(user, "/staff/agreements/accept"), StringComparison.Ordinal);
        Assert.Equal(AcceptanceMethod.Electronic, await App.WithDbAsync(db => db.Set<AgreementAcceptance>().Select(a => a.Method).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task The_agreements_page_lists_versions_and_acceptances_and_a_liaison_sees_no_one_outside_their_department()
    {
        var cardiology = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        var surgery = await StaffTestRecords.DepartmentAsync(App, "普外科");
        var version = await StaffTestRecords.PublishAgreementAsync(App, new DateOnly(2026, 1, 1));
        var ours = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var theirs = await StaffTestRecords.PersonAsync(App, surgery, "孙八");
        await StaffTestRecords.AcceptAsync(App, ours, version);
        await StaffTestRecords.AcceptAsync(App, theirs, version);
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{cardiology}"));

        var page = await PageAsync(liaison, "/staff/agreements");

        Assert.Contains("保密协议 第 1 版", page, StringComparison.Ordinal);
        Assert.Contains("李四", page, StringComparison.Ordinal);
        Assert.DoesNotContain("孙八", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"scan-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/staff/people/{theirs}", Cancel)).StatusCode);
        Assert.Contains("data-testid=\"attachments\"", await PageAsync(liaison, $"/staff/people/{ours}"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"trainings-table\"", await PageAsync(liaison, "/staff/trainings"), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return WebUtility.HtmlDecode(body);
    }
}
