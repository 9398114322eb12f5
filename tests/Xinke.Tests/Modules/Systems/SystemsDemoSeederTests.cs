using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Modules.Systems;

namespace Xinke.Tests.Modules.Systems;

/// <summary>The demo register: filed systems owned by the departments of the demo tree, and the business-records probe.</summary>
public abstract class SystemsDemoSeederTests(DatabaseKind kind) : SystemsTest(kind)
{
    public sealed class OnSqlite() : SystemsDemoSeederTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SystemsDemoSeederTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_demo_register_is_filed_and_owned_by_the_matching_departments()
    {
        var it = await DepartmentAsync("信息中心");
        var lab = await DepartmentAsync("检验科");
        await using var scope = App.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetServices<IBusinessRecords>().OfType<SystemsRecords>().Single();
        Assert.False(await records.AnyAsync(Cancel));

        var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().OfType<SystemsDemoSeeder>().Single();
        await seeder.SeedAsync(DemoSize.Small, new Progress<string>(), Cancel);

        Assert.True(await records.AnyAsync(Cancel));
        var systems = await App.WithDbAsync(db => db.Set<InformationSystem>().AsNoTracking().ToListAsync(Cancel));
        Assert.Contains(systems, s => s.Code == "HIS" && s.OwnerDepartmentId == it && s.ProtectionLevel == 3 && s.RtoMinutes == 30 && s.RpoMinutes == 5);
        Assert.Contains(systems, s => s.Code == "LIS" && s.OwnerDepartmentId == lab);
        Assert.All(systems.Where(s => s.ProtectionLevel >= 2), s => Assert.Matches("^11010143001-2[34][0-9]{3}$", s.FilingNumber!));
        Assert.Equal(systems.Count, systems.Select(s => s.FilingNumber).Distinct().Count());
        Assert.Equal(5, systems.Count(s => s.ProtectionLevel == 3));
    }

    [Fact]
    public async Task Without_any_department_the_demo_leaves_the_register_empty()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().OfType<SystemsDemoSeeder>().Single();

        await seeder.SeedAsync(DemoSize.Large, new Progress<string>(), Cancel);

        Assert.False(await App.WithDbAsync(db => db.Set<Department>().AnyAsync(Cancel)));
        Assert.False(await App.WithDbAsync(db => db.Set<InformationSystem>().AnyAsync(Cancel)));
    }
}
