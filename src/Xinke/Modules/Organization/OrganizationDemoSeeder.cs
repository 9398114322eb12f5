using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization;

/// <summary>
/// The demo hospital's organization: two campuses, the functional offices, clinical and medical-technical
/// departments with wards, their people (about 150, or 3,000 for the large size), each department's head
/// and liaison (two departments are left without a liaison, so the ORG-03 gap shows), and one account per
/// business role named after it, linked to a person, created pending: the training and agreement
/// seeder activates them once their records exist (ACC-01).
/// </summary>
public sealed class OrganizationDemoSeeder(
    XinkeDb db,
    DepartmentService departments,
    AccountService accounts,
    RoleService roles,
    IConfiguration configuration,
    TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public const string PasswordVariable = "XINKE_DEMO_PASSWORD";

    /// <summary>The authenticator secret (base32) of the demo accounts whose role requires a second factor.</summary>
    public const string TotpSecretVariable = "XINKE_DEMO_TOTP_SECRET";
    public const string HomeDepartment = "心血管内科";
    public const string ItDepartment = "信息科";

    private static readonly string[] Offices = ["院办", "医务处", "护理部", "财务处", "信息科"];

    private static readonly string[] Clinical =
        ["心血管内科", "呼吸内科", "消化内科", "神经内科", "内分泌科", "普外科", "骨科", "神经外科", "妇产科", "儿科", "急诊科", "重症医学科"];

    private static readonly string[] Technical = ["检验科", "放射科", "超声科", "病理科", "药剂科", "麻醉科", "中医科", "康复医学科"];

    private static readonly string[] EastCampus = ["东院综合内科", "东院外科", "体检中心"];

    /// <summary>Departments left without a liaison: the home page and the compliance view show the gap.</summary>
    private static readonly string[] WithoutLiaison = ["中医科", "康复医学科"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "欧阳", "司马"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓东", "建华", "海燕", "志强", "雪梅", "文博", "思远", "雨桐", "子涵", "浩然", "欣怡", "佳琪", "一鸣", "婷婷", "俊杰", "晓丽", "国庆", "春梅"];

    private static readonly string[] ClinicalTitles = ["主任医师", "副主任医师", "主治医师", "住院医师", "护士长", "主管护师", "护师", "护士", "护士"];

    public int Order => 100;

    public string Name => "organization";

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<Person>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var random = new Random(20260302);
        var tree = await TreeAsync(cancellationToken);
        progress.Report($"organization: {tree.Count} departments");
        var perDepartment = size == DemoSize.Large ? 3000 / tree.Count(d => d.Kind == DepartmentKind.Department) : 5;
        var people = new List<Person>();
        var number = 0;
        foreach (var department in tree.Where(d => d.Kind is DepartmentKind.Department or DepartmentKind.Ward))
        {
            var count = department.Kind == DepartmentKind.Ward ? Math.Max(2, perDepartment / 3) : perDepartment;
            for (var i = 0; i < count; i++)
            {
                number++;
                people.Add(NewPerson(random, number, department, i));
            }
        }

        foreach (var chunk in people.Chunk(500))
        {
            db.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress.Report($"organization: {people.Count} people");
        }

        await ContactsAsync(tree, people, cancellationToken);
        await DemoAccountsAsync(tree, people, progress, cancellationToken);
    }

    private Person NewPerson(Random random, int number, Department department, int index)
    {
        var it = department.Name == ItDepartment;
        var office = Offices.Contains(department.Name);
        var title = it ? (index == 0 ? "信息科科长" : "工程师")
            : office ? (index == 0 ? "处长" : "科员")
            : index == 0 ? "科主任" : ClinicalTitles[random.Next(ClinicalTitles.Length)];
        var roll = random.Next(100);
        return new Person
        {
            EmployeeNumber = string.Create(CultureInfo.InvariantCulture, $"H{number:D5}"),
            Name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
            DepartmentId = department.Id,
            Title = title,
            Phone = string.Create(CultureInfo.InvariantCulture, $"13{random.Next(0, 10)}{random.Next(10_000_000, 99_999_999)}"),
            Status = index < 3 || roll >= 6 ? PersonStatus.Active : roll < 3 ? PersonStatus.OnLeave : PersonStatus.Left,
            LeftOn = index >= 3 && roll is >= 3 and < 6 ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(-random.Next(10, 300))) : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    private async Task ContactsAsync(IReadOnlyList<Department> tree, List<Person> people, CancellationToken cancellationToken)
    {
        foreach (var department in tree.Where(d => d.Kind == DepartmentKind.Department))
        {
            var own = people.Where(p => p.DepartmentId == department.Id && p.Status == PersonStatus.Active).ToList();
            if (own.Count == 0)
            {
                continue;
            }

            db.Add(new DepartmentContacts
            {
                DepartmentId = department.Id,
                HeadPersonId = own[0].Id,
                LiaisonPersonId = WithoutLiaison.Contains(department.Name) ? null : own[Math.Min(1, own.Count - 1)].Id,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One account per business role; the department-scoped ones in the same clinical department, the liaison's account for its liaison.</summary>
    private async Task DemoAccountsAsync(IReadOnlyList<Department> tree, List<Person> people, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var home = tree.Single(d => d.Name == HomeDepartment);
        var it = tree.Single(d => d.Name == ItDepartment);
        var office = tree.Single(d => d.Name == "院办");
        var medical = tree.Single(d => d.Name == "医务处");
        var contacts = await db.Set<DepartmentContacts>().AsNoTracking().SingleAsync(c => c.DepartmentId == home.Id, cancellationToken);
        var homePeople = people.Where(p => p.DepartmentId == home.Id && p.Status == PersonStatus.Active).ToList();
        var itPeople = people.Where(p => p.DepartmentId == it.Id && p.Status == PersonStatus.Active).ToList();
        (string Role, Person Person, long? Scope)[] demo =
        [
            (BuiltInRoles.ItDirector, itPeople[0], null),
            (BuiltInRoles.ItEngineer, itPeople[1], null),
            (BuiltInRoles.DutyOperator, itPeople[2], null),
            (BuiltInRoles.DeptHead, homePeople.Single(p => p.Id == contacts.HeadPersonId), home.Id),
            (BuiltInRoles.DeptLiaison, homePeople.Single(p => p.Id == contacts.LiaisonPersonId), home.Id),
            (BuiltInRoles.Staff, homePeople[2], home.Id),
            (BuiltInRoles.Leadership, people.First(p => p.DepartmentId == office.Id && p.Status == PersonStatus.Active), null),
            (BuiltInRoles.Reviewer, people.First(p => p.DepartmentId == medical.Id && p.Status == PersonStatus.Active), null),
        ];
        var password = configuration[PasswordVariable];
        if (string.IsNullOrWhiteSpace(password))
        {
            password = Secrets.OneTimePassword();
            progress.Report($"organization: demo accounts' password (shown once): {password}");
        }

        // The IT roles require a second factor: rather than exempting them, their demo accounts come
        // enrolled with one shared authenticator secret, shown once like the password.
        var totpSecret = configuration[TotpSecretVariable];
        if (string.IsNullOrWhiteSpace(totpSecret))
        {
            totpSecret = TotpCodes.NewSecret();
            progress.Report($"organization: demo accounts' authenticator secret (shown once): {totpSecret}");
        }

        // The demo may run before the first start has created the built-in roles.
        await roles.SyncBuiltInAsync(cancellationToken);
        var roleIds = await db.Set<Role>().AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Id, cancellationToken);
        foreach (var (role, person, scope) in demo)
        {
            var created = await accounts.CreateAsync(role, person.Name, person.Id, AccountState.Pending, cancellationToken, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {role} could not be created: {created.Error!.Code}");
            }

            var account = await db.Set<Account>().SingleAsync(a => a.Id == created.Value!.Account.Id, cancellationToken);
            account.MustChangePassword = false;
            if (BuiltInRoles.RequiringMfa.Contains(role))
            {
                account.TotpSecret = totpSecret;
                account.MfaEnrolledAt = clock.GetUtcNow().UtcDateTime;
            }

            db.Add(new RoleAssignment { AccountId = account.Id, RoleId = roleIds[role], DepartmentId = scope });
            await db.SaveChangesAsync(cancellationToken);
        }

        progress.Report($"organization: {demo.Length} demo accounts (pending until their training and agreement are recorded)");
    }

    private async Task<IReadOnlyList<Department>> TreeAsync(CancellationToken cancellationToken)
    {
        var root = await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.ParentId == null, cancellationToken)
            ?? await CreateAsync("信科市第一人民医院", null, DepartmentKind.Hospital, cancellationToken);
        var main = await CreateAsync("本部院区", root.Id, DepartmentKind.Campus, cancellationToken);
        var east = await CreateAsync("东院区", root.Id, DepartmentKind.Campus, cancellationToken);
        var created = new List<Department> { root, main, east };
        foreach (var name in Offices.Concat(Clinical).Concat(Technical))
        {
            var department = await CreateAsync(name, main.Id, DepartmentKind.Department, cancellationToken);
            created.Add(department);
            if (Clinical.Contains(name))
            {
                created.Add(await CreateAsync(name + "病区", department.Id, DepartmentKind.Ward, cancellationToken));
            }
        }

        foreach (var name in EastCampus)
        {
            created.Add(await CreateAsync(name, east.Id, DepartmentKind.Department, cancellationToken));
        }

        return created;
    }

    private async Task<Department> CreateAsync(string name, long? parentId, DepartmentKind kind, CancellationToken cancellationToken)
    {
        var created = await departments.CreateAsync(name, parentId, kind, cancellationToken);
        return created.Succeeded ? created.Value! : throw new InvalidOperationException($"Demo department {name} could not be created: {created.Error!.Code}");
    }
}
