using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>Loans and returns (EQ-03): a device leaves the store to one borrower at a time and comes back only through IT's inspection.</summary>
public abstract class LoansApiTests(DatabaseKind kind) : LoansTest(kind)
{
    public sealed class OnSqlite() : LoansApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LoansApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_device_already_on_loan_is_not_lent_again()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000301");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var first = await LendAsync(engineer, asset, nurse, TimeSpan.FromDays(3));
        var second = await Problems.ReadAsync(await LendAsync(engineer, asset, doctor, TimeSpan.FromDays(3)), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var loan = await first.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.StartsWith("JY-2026-", loan.GetProperty("code").GetString(), StringComparison.Ordinal);
        Assert.True(loan.GetProperty("open").GetBoolean());
        Assert.Equal(LoanErrors.NotAvailable, second.Code);
        Assert.Contains("EQ-03", second.Detail, StringComparison.Ordinal);
        Assert.Equal(AssetStatus.OnLoan, await StatusAsync(asset));
        Assert.Equal(1, await WithDbAsync(db => db.Set<AssetLoan>().CountAsync(Cancel)));
        Assert.Contains(await TimelineAsync(engineer, asset), e => e.Kind == "Loan" && e.Text.Contains("li.hushi", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_loan_needs_a_borrower_and_a_due_time_in_the_future_and_only_it_lends()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000302");
        var (staffAccount, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(staffAccount);

        var past = await Problems.ReadAsync(await LendAsync(engineer, asset, nurse, TimeSpan.FromMinutes(-1)), HttpStatusCode.BadRequest);
        var nobody = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/assets/{asset}/loan", new { due = At(TimeSpan.FromDays(1)), condition = "完好" }), HttpStatusCode.BadRequest);
        var byStaff = await LendAsync(staff, asset, nurse, TimeSpan.FromDays(1));

        Assert.Contains("due", past.Errors.Keys);
        Assert.Contains("borrowerPersonId", nobody.Errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(AssetStatus.InStock, await StatusAsync(asset));
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_loan_into_someone_elses_reservation_is_refused_but_one_ending_as_it_starts_is_not()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000303");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        Assert.Equal(HttpStatusCode.Created, (await ReserveAsync(engineer, asset, TimeSpan.FromDays(2), TimeSpan.FromDays(4), nurse)).StatusCode);

        var into = await Problems.ReadAsync(await LendAsync(engineer, asset, doctor, TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1)), HttpStatusCode.Conflict);
        var before = await LendAsync(engineer, asset, doctor, TimeSpan.FromDays(2));

        Assert.Equal(LoanErrors.ReservationConflict, into.Code);
        Assert.Contains("EQ-03", into.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_return_without_its_inspection_is_refused_and_the_loan_stays_open()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000304");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var loan = await LentAsync(engineer, asset, nurse, TimeSpan.FromDays(3));

        var empty = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/loans/{loan}/return"), HttpStatusCode.BadRequest);
        var partial = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/loans/{loan}/return", new { condition = "完好", accessoriesComplete = true }), HttpStatusCode.BadRequest);

        Assert.Equal(LoanErrors.InspectionRequired, empty.Code);
        Assert.Contains("condition", empty.Errors.Keys);
        Assert.Contains("EQ-03", empty.Detail, StringComparison.Ordinal);
        Assert.Contains("dataWiped", partial.Errors.Keys);
        Assert.Equal(AssetStatus.OnLoan, await StatusAsync(asset));
        var stored = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan}", Cancel);
        Assert.True(stored.GetProperty("open").GetBoolean());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("inspection").ValueKind);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task The_borrower_cannot_inspect_their_own_return()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000305");
        var (borrowerAccount, borrower) = await PersonWithAccountAsync("chen.gong", it, BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var loan = await LentAsync(engineer, asset, borrower, TimeSpan.FromDays(3));
        var self = await SignInAsync(borrowerAccount);

        var refused = await Problems.ReadAsync(await PostAsync(self, $"/api/v1/loans/{loan}/return", Inspection()), HttpStatusCode.Conflict);
        var inspected = await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection());

        Assert.Equal(LoanErrors.SelfInspection, refused.Code);
        Assert.Contains("EQ-03", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_device_that_holds_data_comes_back_wiped_and_the_inspection_closes_the_loan()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000306", holdsData: true);
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var loan = await LentAsync(engineer, asset, nurse, TimeSpan.FromDays(3));

        var unwiped = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection(dataWiped: false)), HttpStatusCode.Conflict);
        Assert.Equal(LoanErrors.DataNotWiped, unwiped.Code);
        Assert.Contains("EQ-03", unwiped.Detail, StringComparison.Ordinal);
        Assert.Equal(AssetStatus.OnLoan, await StatusAsync(asset));

        var returned = await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection());
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var again = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection()), HttpStatusCode.Conflict);

        Assert.Equal(LoanErrors.Closed, again.Code);
        Assert.Equal(AssetStatus.InStock, await StatusAsync(asset));
        var stored = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan}", Cancel);
        Assert.False(stored.GetProperty("open").GetBoolean());
        Assert.True(stored.GetProperty("inspection").GetProperty("dataWiped").GetBoolean());
        Assert.Contains(await TimelineAsync(engineer, asset), e => e.Kind == "Return");
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_damaged_return_opens_a_repair_with_the_inspection_notes_as_its_fault()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000307");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var loan = await LentAsync(engineer, asset, nurse, TimeSpan.FromDays(3));

        var noNotes = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection(damaged: true)), HttpStatusCode.BadRequest);
        var returned = await PostAsync(engineer, $"/api/v1/loans/{loan}/return", Inspection(damaged: true, notes: "屏幕碎裂，键盘缺键"));

        Assert.Contains("notes", noNotes.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(AssetStatus.UnderRepair, await StatusAsync(asset));
        var repair = await WithDbAsync(db => db.Set<AssetRepair>().SingleAsync(Cancel));
        Assert.Equal("屏幕碎裂，键盘缺键", repair.Fault);
        Assert.Equal(loan, repair.LoanId);
        Assert.Equal(AssetStatus.InStock, repair.PreviousStatus);
        var stored = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan}", Cancel);
        Assert.Equal(repair.Id, stored.GetProperty("inspection").GetProperty("repairId").GetInt64());
    }

    [Fact]
    public async Task A_stale_if_match_on_a_return_is_refused()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000308");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var loan = await LentAsync(engineer, asset, nurse, TimeSpan.FromDays(3));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loan}/return") { Content = JsonContent.Create(Inspection()) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        var stale = await engineer.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(AssetStatus.OnLoan, await StatusAsync(asset));
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task Department_roles_see_their_departments_loans_and_staff_their_own()
    {
        var cardiology = await DepartmentAsync("心内科");
        var icu = await DepartmentAsync("重症医学科");
        var it = await DepartmentAsync("信息科");
        var (nurseAccount, nurse) = await PersonWithAccountAsync("li.hushi", cardiology);
        var (_, colleague) = await PersonWithAccountAsync("sun.hushi", cardiology);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", icu);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var nurseLoan = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000309"), nurse, TimeSpan.FromDays(3));
        var colleagueLoan = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000310"), colleague, TimeSpan.FromDays(3));
        var icuLoan = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000311"), doctor, TimeSpan.FromDays(3));
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));
        var staff = await SignInAsync(nurseAccount);

        Assert.Equal([colleagueLoan, nurseLoan], await IdsAsync(head, "/api/v1/loans"));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync(new Uri($"/api/v1/loans/{icuLoan}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal([nurseLoan], await IdsAsync(staff, "/api/v1/loans"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(new Uri($"/api/v1/loans/{colleagueLoan}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal([icuLoan, colleagueLoan, nurseLoan], await IdsAsync(engineer, "/api/v1/loans"));
        Assert.Equal([icuLoan], await IdsAsync(engineer, $"/api/v1/loans?departmentId={icu}"));
        Assert.Equal([nurseLoan], await IdsAsync(engineer, $"/api/v1/loans?borrower={nurse}"));
    }

    [Fact]
    public async Task The_list_filters_overdue_and_open_loans_pages_and_exports()
    {
        var it = await DepartmentAsync("信息科");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        var soon = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000312"), nurse, TimeSpan.FromHours(1));
        var later = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000313"), nurse, TimeSpan.FromDays(5));
        var returned = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000314"), nurse, TimeSpan.FromDays(5));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/loans/{returned}/return", Inspection())).StatusCode);
        Clock.Advance(TimeSpan.FromHours(2));
        engineer = await SignInAsync(engineerAccount);

        Assert.Equal([soon], await IdsAsync(engineer, "/api/v1/loans?overdue=true"));
        Assert.Equal([later, soon], await IdsAsync(engineer, "/api/v1/loans?open=true"));
        Assert.Equal([returned], await IdsAsync(engineer, "/api/v1/loans?open=false"));
        var first = await engineer.GetFromJsonAsync<JsonElement>("/api/v1/loans?limit=2", Cancel);
        var next = first.GetProperty("nextCursor").GetString();
        Assert.Equal([soon], await IdsAsync(engineer, $"/api/v1/loans?limit=2&cursor={Uri.EscapeDataString(next!)}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await engineer.GetAsync(new Uri("/api/v1/loans?cursor=garbage", UriKind.Relative), Cancel)).StatusCode);
        var csv = await engineer.GetAsync(new Uri("/api/v1/loans/export?format=csv&overdue=true", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("借用编号", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Trim().Split('\n').Length);
    }
}
