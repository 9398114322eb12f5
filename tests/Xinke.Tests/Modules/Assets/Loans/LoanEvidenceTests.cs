using System.Net;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>EQ-03 as the evidence shows it: closed loans closed with an inspection, open loans not overdue.</summary>
public abstract class LoanEvidenceTests(DatabaseKind kind) : LoansTest(kind)
{
    public sealed class OnSqlite() : LoanEvidenceTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LoanEvidenceTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task An_overdue_loan_is_a_gap_and_inspected_returns_are_not()
    {
        var it = await DepartmentAsync("信息科");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var directorAccount = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var returned = await LentAsync(director, await InStockAsync(it, "ZC-2026-000601"), nurse, TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/loans/{returned}/return", Inspection())).StatusCode);
        await LentAsync(director, await InStockAsync(it, "ZC-2026-000602"), nurse, TimeSpan.FromHours(3));

        var onTime = await EvidenceAsync(director, "EQ-03");
        Clock.Advance(TimeSpan.FromHours(4));
        director = await SignInAsync(directorAccount);
        var overdue = await EvidenceAsync(director, "EQ-03");

        Assert.Equal("met", onTime.GetProperty("status").GetString());
        Assert.Equal("2 笔借用中 2 笔按期或已验收归还", onTime.GetProperty("reason").GetString());
        Assert.Equal("notMet", overdue.GetProperty("status").GetString());
        Assert.Equal("2 笔借用中 1 笔按期或已验收归还", overdue.GetProperty("reason").GetString());
    }
}
