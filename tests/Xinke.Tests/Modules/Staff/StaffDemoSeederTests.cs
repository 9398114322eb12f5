using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>The demo seeder trains the demo accounts' people, binds them by the current agreement and activates them through the gate.</summary>
public sealed class StaffDemoSeederTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task The_demo_accounts_are_activated_through_the_gate_after_their_records()
    {
        var cardiology = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        await StaffTestRecords.SystemAsync(App, cardiology, "HIS");
        for (var i = 0; i < 5; i++)
        {
            await StaffTestRecords.PersonAsync(App, cardiology, $"职工{i}");
        }

        var director = await CreateUserAsync(BuiltInRoles.ItDirector, BuiltInRoles.ItDirector);
        var staff = await CreateUserAsync(BuiltInRoles.Staff, $"{BuiltInRoles.Staff}@{cardiology}");
        foreach (var account in new[] { director, staff })
        {
            await StaffTestRecords.PersonAsync(App, cardiology, account.UserName, accountId: account.Id);
            await WithDbAsync(async db =>
            {
                (await db.Set<Account>().SingleAsync(a => a.Id == account.Id, Cancel)).State = AccountState.Pending;
                return await db.SaveChangesAsync(Cancel);
            });
        }

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().OfType<StaffDemoSeeder>().Single();
            await seeder.SeedAsync(DemoSize.Small, new Progress<string>(), Cancel);
        }

        Assert.Equal(AccountState.Active, (await ReloadAsync(director.Id)).State);
        Assert.Equal(AccountState.Active, (await ReloadAsync(staff.Id)).State);
        Assert.Equal(2, await WithDbAsync(db => db.Set<ActivationClearance>().CountAsync(Cancel)));
        Assert.Equal(2, await WithDbAsync(db => db.Set<AgreementVersion>().CountAsync(Cancel)));
        Assert.True(await WithDbAsync(db => db.Set<TrainingAttendance>().AnyAsync(a => a.Result == AttendanceResult.Passed, Cancel)));
        await using var probe = App.Services.CreateAsyncScope();
        Assert.True(await probe.ServiceProvider.GetServices<IBusinessRecords>().OfType<StaffBusinessRecords>().Single().AnyAsync(Cancel));
    }
}
