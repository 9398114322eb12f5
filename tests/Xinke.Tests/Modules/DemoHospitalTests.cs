using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules;

/// <summary>
/// Every landed module's seeder, run as <c>xinke demo</c> runs them on a fresh installation: the demo
/// accounts end active with their training and agreement on record, the audit chain verifies, and
/// PostgreSQL has statistics of what was loaded.
/// </summary>
public abstract class DemoHospitalTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : DemoHospitalTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : DemoHospitalTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACC-01")]
    [Trait("Req", "ACC-06")]
    public async Task The_small_demo_hospital_is_consistent_and_refuses_a_second_run()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var runner = services.GetRequiredService<DemoRunner>();

        var ran = await runner.RunAsync(DemoSize.Small, new Progress<string>(), Cancel);

        Assert.True(ran.Succeeded, ran.Error?.Code);
        Assert.Equal(["administrators", "organization", "systems", "posts", "staff", "leadership", "access"], ran.Value!.Take(7));
        Assert.Equal("planner-statistics", ran.Value![^1]);
        var db = services.GetRequiredService<XinkeDb>();
        if (Kind == DatabaseKind.Postgres)
        {
            var analysed = await db.Database.SqlQueryRaw<string>(
                """SELECT "relname" AS "Value" FROM "pg_stat_user_tables" WHERE "last_analyze" IS NOT NULL""").ToListAsync(Cancel);
            Assert.Contains("Assets", analysed);
            Assert.Contains("Tickets", analysed);
        }

        var demo = await db.Set<Account>().AsNoTracking().Where(a => BuiltInRoles.All.Contains(a.UserName) && a.BootstrapName == null).ToListAsync(Cancel);
        Assert.Equal(8, demo.Count);
        Assert.All(demo, a => Assert.Equal(AccountState.Active, a.State));
        var trainings = services.GetRequiredService<TrainingRecords>();
        var agreements = services.GetRequiredService<AgreementRecords>();
        foreach (var account in demo)
        {
            Assert.True(await agreements.HasAcceptedCurrentAsync(account.PersonId!.Value, Cancel), account.UserName);
            Assert.Contains(await trainings.PassedAsync(account.PersonId.Value, Cancel), t => t.Kind == TrainingKind.SystemUse);
        }

        var chain = await services.GetRequiredService<ChainVerifier>().VerifyAsync(0, null, null, null, Cancel);
        Assert.True(chain.Ok, $"audit chain broken at {chain.FirstBadSequence}: {chain.Fault}");
        var report = await services.GetRequiredService<ConsistencyCheck>().RunAsync(null, Cancel);
        Assert.True(report.Consistent, string.Join("; ", report.Violations.Select(v => $"{v.RequirementId} {v.Record}: {v.Message}")));
        Assert.Contains(report.Areas, a => a.Area == "audit");
        Assert.Equal(DemoRunner.NotEmpty, (await runner.RunAsync(DemoSize.Small, new Progress<string>(), Cancel)).Error?.Code);
    }
}
