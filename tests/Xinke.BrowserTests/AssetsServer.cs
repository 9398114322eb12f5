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
/// Xinke with a cardiology department (心血管内科), one of its nurses (staff), its head, an IT
/// engineer whose second factor is enrolled with a secret the test knows, and the IT store's laptops.
/// </summary>
public sealed class AssetsServer : XinkeServer
{
    public const string Password = "Xinke-Test-2026";
    public const string Staff = "staff";
    public const string Head = "head";
    public const string Engineer = "engineer";

    /// <summary>The laptops in the IT store, in tag order; they hold data, so a return must confirm the wipe.</summary>
    public static readonly string[] Laptops = ["NB-2026-0001", "NB-2026-0002", "NB-2026-0003", "NB-2026-0004"];

    public string EngineerTotpSecret { get; private set; } = string.Empty;

    /// <summary>The engineer's last one-time code: a code is accepted once, so the next sign-in waits for a new one.</summary>
    public string? LastEngineerCode { get; set; }

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<XinkeDb>();
        if (await db.Set<Account>().AnyAsync(a => a.UserName == Staff))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await services.GetRequiredService<RoleService>().SyncBuiltInAsync(CancellationToken.None);
        var cardiology = await DepartmentAsync(db, "心血管内科");
        var it = await DepartmentAsync(db, "信息中心");
        var nurse = new Person { EmployeeNumber = "N-0412", Name = "刘护士", DepartmentId = cardiology.Id, Status = PersonStatus.Active, CreatedAt = now };
        var chief = new Person { EmployeeNumber = "D-0007", Name = "周主任", DepartmentId = cardiology.Id, Status = PersonStatus.Active, CreatedAt = now };
        var technician = new Person { EmployeeNumber = "IT-0021", Name = "赵工", DepartmentId = it.Id, Status = PersonStatus.Active, CreatedAt = now };
        db.AddRange(nurse, chief, technician);
        foreach (var tag in Laptops)
        {
            db.Add(new Asset
            {
                Tag = tag,
                TypeId = LaptopTypeId,
                OwningDepartmentId = it.Id,
                Make = "联想",
                Model = "ThinkPad E14",
                Status = AssetStatus.InStock,
                HoldsData = true,
                Campus = "本院区",
                Building = "行政楼",
                Room = "信息中心库房",
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();

        await CreateUserAsync(services, Staff, "刘护士", nurse.Id, BuiltInRoles.Staff, null);
        await CreateUserAsync(services, Head, "周主任", chief.Id, BuiltInRoles.DeptHead, cardiology.Id);
        var engineer = await CreateUserAsync(services, Engineer, "赵工", technician.Id, BuiltInRoles.ItEngineer, null);
        engineer.TotpSecret = TotpCodes.NewSecret();
        engineer.MfaEnrolledAt = now;
        EngineerTotpSecret = engineer.TotpSecret;
        await db.SaveChangesAsync();
    }

    public static long LaptopTypeId => AssetType.BuiltIns.Single(t => t.Code == "laptop").Id;

    private static async Task<Department> DepartmentAsync(XinkeDb db, string name)
    {
        var department = new Department { Name = name, Kind = DepartmentKind.Department, Path = "/0/" };
        db.Add(department);
        await db.SaveChangesAsync();
        department.Path = $"/{department.Id}/";
        await db.SaveChangesAsync();
        return department;
    }

    private static async Task<Account> CreateUserAsync(IServiceProvider services, string userName, string displayName, long personId, string role, long? departmentId)
    {
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, displayName, personId, AccountState.Active, CancellationToken.None, Password);
        Assert.True(created.Succeeded, created.Error?.Code);
        var db = services.GetRequiredService<XinkeDb>();
        var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id);
        account.MustChangePassword = false;
        var roleId = await db.Set<Role>().Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
        db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleId, DepartmentId = departmentId });
        await db.SaveChangesAsync();
        return account;
    }
}
