using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Assets.Loans;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>Overdue loans (EQ-03) are told to the borrower and the department's liaison at most once a day, on the fake clock.</summary>
public abstract class LoanOverdueJobTests(DatabaseKind kind) : LoansTest(kind)
{
    public sealed class OnSqlite() : LoanOverdueJobTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LoanOverdueJobTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task The_borrower_and_the_liaison_hear_of_an_overdue_loan_once_a_day()
    {
        var it = await DepartmentAsync("信息科");
        var cardiology = await DepartmentAsync("心内科");
        var (nurseAccount, nurse) = await PersonWithAccountAsync("li.hushi", cardiology);
        var (liaisonAccount, liaison) = await PersonWithAccountAsync("sun.lianluo", cardiology, BuiltInRoles.Staff);
        var (bystanderAccount, _) = await PersonWithAccountAsync("zhao.yisheng", cardiology);
        await LiaisonAsync(cardiology, liaison);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000501"), nurse, TimeSpan.FromDays(5));
        var late = await LentAsync(engineer, await InStockAsync(it, "ZC-2026-000502"), nurse, TimeSpan.FromHours(2));

        // 08:30 Beijing + 2 h: not yet due.
        await RunJobAsync();
        Assert.Equal(0, await NoticesAsync(nurseAccount.Id));

        // 11:30: the second loan is overdue (the first is not) → one notice each; a second run the same day sends nothing.
        Clock.Advance(TimeSpan.FromHours(3));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(1, await NoticesAsync(nurseAccount.Id));
        Assert.Equal(1, await NoticesAsync(liaisonAccount.Id));
        Assert.Equal(0, await NoticesAsync(bystanderAccount.Id));

        // The next day it is told again.
        Clock.Advance(TimeSpan.FromDays(1));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(2, await NoticesAsync(nurseAccount.Id));
        Assert.Equal(2, await NoticesAsync(liaisonAccount.Id));
        var links = await WithDbAsync(db => db.Set<InboxItem>().Where(i => i.AccountId == nurseAccount.Id).Select(i => i.Link).Distinct().ToListAsync(Cancel));
        Assert.Equal([$"/assets/loans/{late}"], links);
    }

    private async Task RunJobAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == LoanOverdueJob.JobName);
        await job.RunAsync(scope.ServiceProvider, Cancel);
    }

    private Task<int> NoticesAsync(long accountId) =>
        WithDbAsync(db => db.Set<InboxItem>().CountAsync(i => i.AccountId == accountId && i.Kind == LoanOverdueJob.NoticeKind, Cancel));
}
