using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.BrowserTests.Infrastructure;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Systems;

namespace Xinke.BrowserTests;

/// <summary>
/// Xinke with the people a new nurse's account passes through: a cardiology department with a ward,
/// its head and IT liaison (people of the department, named in its contacts, with accounts), an IT
/// engineer, the security and system administrators (second factor enrolled with a known secret),
/// the HIS in the system register and a current confidentiality agreement.
/// </summary>
public sealed class OrganizationServer : XinkeServer
{
    public const string Password = "Xinke-Test-2026";
    public const string DepartmentName = "心血管内科";
    public const string WardName = "心内一病区";
    public const string SystemCode = "HIS";

    /// <summary>The authenticator secret of each account with a second factor, by user name.</summary>
    public IReadOnlyDictionary<string, string> TotpSecrets => secrets;

    private readonly Dictionary<string, string> secrets = [];

    private bool seeded;

    /// <summary>Seeds once per server: the test class's tests share it.</summary>
    public async Task SeedAsync()
    {
        if (seeded)
        {
            return;
        }

        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<XinkeDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = services.GetRequiredService<HospitalClock>().LocalDate(clock.GetUtcNow().UtcDateTime);
        await services.GetRequiredService<RoleService>().SyncBuiltInAsync(CancellationToken.None);

        var departments = services.GetRequiredService<DepartmentService>();
        var hospital = await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.ParentId == null)
            ?? Created(await departments.CreateAsync("信科市第一人民医院", null, DepartmentKind.Hospital, CancellationToken.None));
        var cardiology = Created(await departments.CreateAsync(DepartmentName, hospital.Id, DepartmentKind.Department, CancellationToken.None));
        Created(await departments.CreateAsync(WardName, cardiology.Id, DepartmentKind.Ward, CancellationToken.None));

        var headPerson = NewPerson("H00001", "王主任", cardiology.Id, "科主任", clock);
        var liaisonPerson = NewPerson("H00002", "陈联络", cardiology.Id, "护士长", clock);
        db.AddRange(headPerson, liaisonPerson);
        await db.SaveChangesAsync();
        db.Add(new DepartmentContacts { DepartmentId = cardiology.Id, HeadPersonId = headPerson.Id, LiaisonPersonId = liaisonPerson.Id });

        var his = new SystemInput(
            SystemCode, "医院信息系统", hospital.Id, "示例厂商", 3, "11010099003-20001", null, SystemInput.NamesOf(DataClasses.Important),
            HoldsPersonalData: true, HoldsHealthData: true, SystemInput.NameOf(SystemCriticality.Critical), 60, 15, SystemInput.NameOf(SystemStatus.InService), null);
        Created(await services.GetRequiredService<SystemRegister>().CreateAsync(his, CancellationToken.None));

        db.Add(new AgreementVersion
        {
            Kind = AgreementKind.Confidentiality,
            Number = 1,
            Title = "信息安全保密协议",
            Body = "本人承诺遵守医院信息安全管理制度，不泄露患者及医院信息。",
            EffectiveFrom = today.AddDays(-30),
            PublishedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();

        var cardiologyScope = $"@{cardiology.Id}";
        await CreateUserAsync(services, "liaison", liaisonPerson.Name, liaisonPerson.Id, BuiltInRoles.DeptLiaison + cardiologyScope);
        await CreateUserAsync(services, "head", headPerson.Name, headPerson.Id, BuiltInRoles.DeptHead + cardiologyScope);
        await CreateUserAsync(services, "engineer", "赵工程师", null, BuiltInRoles.ItEngineer);
        // The bootstrap administrators exist from the first start: settle their first log-in as they would have.
        await SettleAdministratorAsync(db, BuiltInRoles.SecAdmin, clock);
        await SettleAdministratorAsync(db, BuiltInRoles.SysAdmin, clock);
        seeded = true;
    }

    private static Person NewPerson(string number, string name, long departmentId, string title, TimeProvider clock) => new()
    {
        EmployeeNumber = number,
        Name = name,
        DepartmentId = departmentId,
        Title = title,
        Status = PersonStatus.Active,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private async Task CreateUserAsync(IServiceProvider services, string userName, string displayName, long? personId, string role)
    {
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, displayName, personId, AccountState.Active, CancellationToken.None, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id);
        account.MustChangePassword = false;
        var parts = role.Split('@');
        if (BuiltInRoles.RequiringMfa.Contains(parts[0]))
        {
            Enrol(account, services.GetRequiredService<TimeProvider>());
        }

        var roleId = await db.Set<Role>().Where(r => r.Name == parts[0]).Select(r => r.Id).SingleAsync();
        db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId, DepartmentId = parts.Length > 1 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : null });
        await db.SaveChangesAsync();
    }

    private async Task SettleAdministratorAsync(XinkeDb db, string userName, TimeProvider clock)
    {
        var account = await db.Set<Account>().SingleAsync(a => a.UserName == userName);
        account.MustChangePassword = false;
        Enrol(account, clock);
        await db.SaveChangesAsync();
    }

    private void Enrol(Account account, TimeProvider clock)
    {
        account.TotpSecret = TotpCodes.NewSecret();
        account.MfaEnrolledAt = clock.GetUtcNow().UtcDateTime;
        secrets[account.UserName] = account.TotpSecret;
    }

    private static T Created<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Code);
        return result.Value!;
    }
}
