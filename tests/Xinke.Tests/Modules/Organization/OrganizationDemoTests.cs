using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
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

    [Fact]
    [Trait("Req", "ACC-03")]
    public async Task The_demo_accounts_owe_no_second_factor_and_the_IT_ones_sign_in_only_with_the_demo_authenticator()
    {
        var notes = new Notes();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OrganizationDemoSeeder>().SeedAsync(DemoSize.Small, notes, Cancel);
        }

        var password = notes.After("password (shown once): ");
        var secret = notes.After("authenticator secret (shown once): ");
        await WithDbAsync(db => db.Set<Account>().Where(a => a.BootstrapName == null).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AccountState.Active), Cancel));
        foreach (var role in BuiltInRoles.All.Except([BuiltInRoles.SysAdmin, BuiltInRoles.SecAdmin, BuiltInRoles.AuditAdmin]))
        {
            var client = NewClient();
            string? otp = null;
            if (BuiltInRoles.RequiringMfa.Contains(role))
            {
                var missing = await Problems.ReadAsync(await LoginAsync(client, role, password), HttpStatusCode.Unauthorized);
                Assert.Equal(IdentityErrors.MfaRequired, missing.Code);
                otp = CodeFor(secret);
            }

            var response = await LoginAsync(client, role, password, otp);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role}: {await response.Content.ReadAsStringAsync(Cancel)}");
            using var session = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
            Assert.False(session.RootElement.GetProperty("mustEnrollMfa").GetBoolean(), role);
            Assert.False(session.RootElement.GetProperty("mustChangePassword").GetBoolean(), role);
        }
    }

    /// <summary>The seeder's progress lines, kept as they come (the console shows them once).</summary>
    private sealed class Notes : IProgress<string>
    {
        private readonly List<string> lines = [];

        public void Report(string value) => lines.Add(value);

        public string After(string marker) =>
            lines.Select(l => l.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0 ? l[(at + marker.Length)..] : null).Single(v => v is not null)!;
    }
}
