using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.BrowserTests.Infrastructure;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.BrowserTests;

/// <summary>
/// Xinke with an outpatient department (门诊部), a nurse of that department (staff) and an IT
/// engineer whose second factor is enrolled with a secret the test knows.
/// </summary>
public sealed class PrinterFaultServer : XinkeServer
{
    public const string Password = "Xinke-Test-2026";
    public const string Nurse = "chen.hushi";
    public const string Engineer = "wang.gong";

    public string EngineerTotpSecret { get; private set; } = string.Empty;

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<XinkeDb>();
        if (await db.Set<Account>().AnyAsync(a => a.UserName == Nurse))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await services.GetRequiredService<RoleService>().SyncBuiltInAsync(CancellationToken.None);
        var outpatients = new Department { Name = "门诊部", Kind = DepartmentKind.Department, Path = "/0/" };
        db.Add(outpatients);
        await db.SaveChangesAsync();
        outpatients.Path = $"/{outpatients.Id}/";
        var person = new Person { EmployeeNumber = "N-0301", Name = "陈护士", DepartmentId = outpatients.Id, Status = PersonStatus.Active, CreatedAt = now };
        db.Add(person);
        await db.SaveChangesAsync();

        await CreateUserAsync(services, Nurse, "陈护士", person.Id, BuiltInRoles.Staff);
        var engineer = await CreateUserAsync(services, Engineer, "王工", null, BuiltInRoles.ItEngineer);
        engineer.TotpSecret = TotpCodes.NewSecret();
        engineer.MfaEnrolledAt = now;
        EngineerTotpSecret = engineer.TotpSecret;
        await db.SaveChangesAsync();
    }

    private static async Task<Account> CreateUserAsync(IServiceProvider services, string userName, string displayName, long? personId, string role)
    {
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, displayName, personId, AccountState.Active, CancellationToken.None, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id);
        account.MustChangePassword = false;
        var roleId = await db.Set<Role>().Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId });
        await db.SaveChangesAsync();
        return account;
    }
}
