using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Requests;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Access;

/// <summary>The access pages: a liaison files a request by employee number and answers a review line from the campaign page.</summary>
public abstract class AccessPagesTests(DatabaseKind kind) : AccessTest(kind)
{
    public sealed class OnSqlite() : AccessPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AccessPagesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_liaison_files_a_request_for_a_new_nurse_by_employee_number_and_sees_it_listed()
    {
        var liaison = await CreateUserAsync("xin.lianluo", $"{BuiltInRoles.DeptLiaison}@{Cardiology}");
        await ContactsAsync(Cardiology, null, await PersonAsync("C003", "心内联络员", Cardiology, liaison));
        await PersonAsync("N2026017", "王护士", Cardiology);
        var client = await SignInAsync(liaison);

        var form = await client.GetStringAsync("/access/requests/new", Cancel);
        var posted = await PageForms.SubmitAsync(client, form, "/access/requests/new", new()
        {
            ["person"] = "N2026017",
            ["role"] = BuiltInRoles.Staff,
            ["departmentId"] = Cardiology.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["purpose"] = "新入职护士，需使用护理信息系统",
        });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var request = await WithDbAsync(db => db.Set<PermissionRequest>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal($"/access/requests/{request.Id}", posted.Headers.Location!.OriginalString);
        Assert.Contains(request.Code, await client.GetStringAsync("/access/requests", Cancel), StringComparison.Ordinal);
        Assert.Contains($"/approvals/{request.ApprovalId}", await client.GetStringAsync($"/access/requests/{request.Id}", Cancel), StringComparison.Ordinal);

        var refused = await PageForms.SubmitAsync(client, form, "/access/requests/new", new() { ["person"] = "N2026017", ["role"] = BuiltInRoles.Staff, ["purpose"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("request-error", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task A_liaison_confirms_a_line_on_the_campaign_page()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var liaison = await CreateUserAsync("xin.lianluo", $"{BuiltInRoles.DeptLiaison}@{Cardiology}");
        await ContactsAsync(Cardiology, null, await PersonAsync("C003", "心内联络员", Cardiology, liaison));
        var doctor = await CreateUserAsync("li.yisheng", $"{BuiltInRoles.Staff}@{Cardiology}");
        await PersonAsync("C200", "李医生", Cardiology, doctor);
        var campaign = (await ReadJsonAsync(await PostAsync(director, "/api/v1/access-reviews", new { period = "2026Q1" }), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var client = await SignInAsync(liaison);
        var line = await WithDbAsync(db => db.Set<Xinke.Modules.Access.Reviews.AccessReviewLine>().AsNoTracking().SingleAsync(l => l.AccountId == doctor.Id, Cancel));

        var page = await client.GetStringAsync($"/access/reviews/{campaign}", Cancel);
        Assert.Contains("测试 li.yisheng", page, StringComparison.Ordinal);
        var posted = await PageForms.SubmitAsync(client, page, $"/access/reviews/{campaign}?handler=Confirm", new() { ["lineId"] = line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "在岗" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(Xinke.Modules.Access.Reviews.ReviewAnswer.Confirmed, await WithDbAsync(db => db.Set<Xinke.Modules.Access.Reviews.AccessReviewLine>().Where(l => l.Id == line.Id).Select(l => l.Answer).SingleAsync(Cancel)));
    }
}
