using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Organization;

/// <summary>The demo hospital's organization is consistent: every demo account belongs to a person of the right department, liaisons are people of their departments.</summary>
public abstract class OrganizationDemoTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : OrganizationDemoTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : OrganizationDemoTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_small_demo_names_people_contacts_and_one_pending_account_per_business_role()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<OrganizationDemoSeeder>();
        Assert.False(await seeder.AnyAsync(Cancel));

        await seeder.SeedAsync(DemoSize.Small, new Progress<string>(), Cancel);

        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        Assert.True(await seeder.AnyAsync(Cancel));
        Assert.InRange(await db.Set<Person>().CountAsync(Cancel), 120, 300);
        var accounts = await db.Set<Account>().AsNoTracking().Where(a => a.BootstrapName == null).ToListAsync(Cancel);
        Assert.Equal(["dept-head", "dept-liaison", "duty-operator", "it-director", "it-engineer", "leadership", "reviewer", "staff"], accounts.Select(a => a.UserName).Order(StringComparer.Ordinal));
        Assert.All(accounts, a => Assert.Equal(AccountState.Pending, a.State));
        Assert.All(accounts, a => Assert.NotNull(a.PersonId));
        var home = await db.Set<Department>().SingleAsync(d => d.Name == OrganizationDemoSeeder.HomeDepartment, Cancel);
        var scoped = await db.Set<RoleAssignment>().Where(r => r.DepartmentId != null).Select(r => r.DepartmentId).Distinct().ToListAsync(Cancel);
        Assert.Equal([home.Id], scoped);
        var directory = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
        var liaisonAccount = accounts.Single(a => a.UserName == BuiltInRoles.DeptLiaison);
        Assert.Equal(liaisonAccount.Id, (await directory.ContactsOfAsync(home.Id, Cancel)).LiaisonAccountId);
        var missing = await scope.ServiceProvider.GetRequiredService<DepartmentContactsService>().WithoutLiaisonAsync(null, Cancel);
        Assert.Equal(["中医科", "康复医学科"], missing.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(await db.Set<Person>().Where(p => p.Status == PersonStatus.Left).ToListAsync(Cancel), p => Assert.NotNull(p.LeftOn));
    }
}
