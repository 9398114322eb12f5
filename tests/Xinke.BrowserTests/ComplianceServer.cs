using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.BrowserTests.Infrastructure;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.BrowserTests;

/// <summary>
/// Xinke with two departments and their workstations: cardiology's (心血管内科) has its nurse as
/// responsible person, respiratory's (呼吸内科) two have none, so ORG-05 is red for the hospital and
/// green for cardiology. A hospital-wide reviewer and cardiology's head read the compliance view.
/// </summary>
public sealed class ComplianceServer : XinkeServer
{
    public const string Password = "Xinke-Test-2026";
    public const string Reviewer = "reviewer";
    public const string Head = "head";
    public const string Nurse = "刘护士";
    public const string NurseNumber = "N-0412";
    public const string CardiologyPc = "PC-2026-0001";

    /// <summary>Respiratory's workstations, which nobody answers for.</summary>
    public static readonly string[] RespiratoryPcs = ["PC-2026-0101", "PC-2026-0102"];

    public long CardiologyId { get; private set; }

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<XinkeDb>();
        if (await db.Set<Account>().AnyAsync(a => a.UserName == Reviewer))
        {
            return;
        }

        // Registered the day before, so the devices stand in the register whatever instant the period is judged at.
        var registered = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-1);
        await services.GetRequiredService<RoleService>().SyncBuiltInAsync(CancellationToken.None);
        var cardiology = await DepartmentAsync(db, "心血管内科");
        var respiratory = await DepartmentAsync(db, "呼吸内科");
        var quality = await DepartmentAsync(db, "质控科");
        CardiologyId = cardiology.Id;
        var nurse = new Person { EmployeeNumber = NurseNumber, Name = Nurse, DepartmentId = cardiology.Id, Status = PersonStatus.Active, CreatedAt = registered };
        var chief = new Person { EmployeeNumber = "D-0007", Name = "周主任", DepartmentId = cardiology.Id, Status = PersonStatus.Active, CreatedAt = registered };
        var assessor = new Person { EmployeeNumber = "Q-0003", Name = "孙审查", DepartmentId = quality.Id, Status = PersonStatus.Active, CreatedAt = registered };
        db.AddRange(nurse, chief, assessor);
        await db.SaveChangesAsync();

        db.Add(Workstation(CardiologyPc, cardiology.Id, "xk-cardio-01", nurse.Id, registered));
        db.Add(Workstation(RespiratoryPcs[0], respiratory.Id, "xk-resp-01", null, registered));
        db.Add(Workstation(RespiratoryPcs[1], respiratory.Id, "xk-resp-02", null, registered));
        await db.SaveChangesAsync();

        await CreateUserAsync(services, Reviewer, "孙审查", assessor.Id, BuiltInRoles.Reviewer, null);
        await CreateUserAsync(services, Head, "周主任", chief.Id, BuiltInRoles.DeptHead, cardiology.Id);
    }

    private static Asset Workstation(string tag, long departmentId, string hostname, long? responsible, DateTime registered) => new()
    {
        Tag = tag,
        TypeId = AssetType.BuiltIns.Single(t => t.Code == "pc").Id,
        OwningDepartmentId = departmentId,
        Make = "联想",
        Model = "启天 M437",
        Status = AssetStatus.InUse,
        Hostname = hostname,
        ResponsiblePersonId = responsible,
        Campus = "本院区",
        Building = "门诊楼",
        Room = "护士站",
        CreatedAt = registered,
        UpdatedAt = registered,
    };

    private static async Task<Department> DepartmentAsync(XinkeDb db, string name)
    {
        var department = new Department { Name = name, Kind = DepartmentKind.Department, Path = "/0/" };
        db.Add(department);
        await db.SaveChangesAsync();
        department.Path = $"/{department.Id}/";
        await db.SaveChangesAsync();
        return department;
    }

    private static async Task CreateUserAsync(IServiceProvider services, string userName, string displayName, long personId, string role, long? departmentId)
    {
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, displayName, personId, AccountState.Active, CancellationToken.None, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id);
        account.MustChangePassword = false;
        var roleId = await db.Set<Role>().Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId, DepartmentId = departmentId });
        await db.SaveChangesAsync();
    }
}
