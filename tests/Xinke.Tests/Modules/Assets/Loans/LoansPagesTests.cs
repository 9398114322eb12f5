using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>The loans pages: check-out and reservation from the asset's page, the list with overdue loans marked, and the return inspection form.</summary>
public abstract class LoansPagesTests(DatabaseKind kind) : LoansTest(kind)
{
    public sealed class OnSqlite() : LoansPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LoansPagesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task An_engineer_lends_from_the_asset_page_and_closes_the_loan_only_with_the_inspection_form()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000701", holdsData: true);
        await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var assetPage = await PageAsync(engineer, $"/assets/{asset}");
        Assert.Contains("data-testid=\"lend-form\"", assetPage, StringComparison.Ordinal);
        var lent = await PageForms.SubmitAsync(engineer, assetPage, $"/assets/loans/asset/{asset}?handler=Lend", new()
        {
            ["BorrowerNumber"] = "E-li.hushi",
            ["Due"] = "2026-03-05T17:00",
            ["Condition"] = "外观完好",
            ["Accessories"] = "电源适配器",
        });
        Assert.Equal(HttpStatusCode.Redirect, lent.StatusCode);
        var loan = await WithDbAsync(db => db.Set<AssetLoan>().SingleAsync(Cancel));
        Assert.Equal(new DateTime(2026, 3, 5, 9, 0, 0, DateTimeKind.Utc), loan.DueAt);

        var list = await PageAsync(engineer, "/assets/loans?open=true");
        Assert.Contains(loan.Code, list, StringComparison.Ordinal);
        Assert.Contains("ZC-2026-000701", list, StringComparison.Ordinal);

        var detail = await PageAsync(engineer, $"/assets/loans/{loan.Id}");
        var unwiped = await PageForms.SubmitAsync(engineer, detail, $"/assets/loans/{loan.Id}?handler=Return", new() { ["Condition"] = "完好", ["AccessoriesComplete"] = "true" });
        Assert.Equal(HttpStatusCode.OK, unwiped.StatusCode);
        Assert.Contains("EQ-03", System.Net.WebUtility.HtmlDecode(await unwiped.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(AssetStatus.OnLoan, await StatusAsync(asset));

        var returned = await PageForms.SubmitAsync(engineer, detail, $"/assets/loans/{loan.Id}?handler=Return", new() { ["Condition"] = "完好", ["AccessoriesComplete"] = "true", ["DataWiped"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(AssetStatus.InStock, await StatusAsync(asset));
        Assert.Contains("data-testid=\"loan-inspection\"", await PageAsync(engineer, $"/assets/loans/{loan.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task Overdue_loans_stand_out_and_a_department_head_cannot_lend_or_see_other_departments_loans()
    {
        var it = await DepartmentAsync("信息科");
        var cardiology = await DepartmentAsync("心内科");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", cardiology);
        var (_, engineerPerson) = await PersonWithAccountAsync("chen.gong", it);
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        var cardiologyLoan = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000702"), nurse, TimeSpan.FromHours(1));
        var itLoan = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000703"), engineerPerson, TimeSpan.FromDays(3));
        var headAccount = await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}");
        Clock.Advance(TimeSpan.FromHours(2));
        engineer = await SignInAsync(engineerAccount);
        var head = await SignInAsync(headAccount);

        var list = await PageAsync(engineer, "/assets/loans?overdue=true");
        Assert.Contains("table-danger", list, StringComparison.Ordinal);
        Assert.Contains("/api/v1/loans/export?overdue=true&amp;format=xlsx", list, StringComparison.Ordinal);
        var headList = await PageAsync(head, "/assets/loans");
        Assert.Contains($"/assets/loans/{cardiologyLoan}\"", headList, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assets/loans/{itLoan}\"", headList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(new Uri($"/assets/loans/{itLoan}", UriKind.Relative), Cancel)).StatusCode);
        Assert.DoesNotContain("data-testid=\"return-form\"", await PageAsync(head, $"/assets/loans/{cardiologyLoan}"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_reservation_made_on_the_asset_page_refuses_an_overlapping_one_with_the_rule_named()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000704");
        await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var page = await PageAsync(engineer, $"/assets/loans/asset/{asset}");
        Assert.Contains("data-testid=\"reserve-form\"", page, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["PersonNumber"] = "E-li.hushi", ["From"] = "2026-03-09T08:00", ["Until"] = "2026-03-09T12:00", ["Purpose"] = "院外义诊" };
        var reserved = await PageForms.SubmitAsync(engineer, page, $"/assets/loans/asset/{asset}?handler=Reserve", fields);
        var overlapping = await PageForms.SubmitAsync(engineer, page, $"/assets/loans/asset/{asset}?handler=Reserve", new(fields) { ["From"] = "2026-03-09T11:00", ["Until"] = "2026-03-09T13:00" });

        Assert.Equal(HttpStatusCode.Redirect, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Contains("(EQ-03)", System.Net.WebUtility.HtmlDecode(await overlapping.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("院外义诊", await PageAsync(engineer, $"/assets/{asset}"), StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(db => db.Set<AssetReservation>().CountAsync(Cancel)));
    }

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        return body;
    }
}
