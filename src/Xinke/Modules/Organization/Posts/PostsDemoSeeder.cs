using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Posts;

/// <summary>
/// The IT department's posts, their responsibilities in the regulations' own words, and
/// holders: the demo IT accounts' people take the posts their roles imply, the department's other
/// people the rest in turn. Without an IT department or its people it seeds the posts only.
/// </summary>
public sealed class PostsDemoSeeder(XinkeDb db, ItPosts posts) : IDemoSeeder, IBusinessRecords
{
    public const string ItDepartmentName = "信息科";

    /// <summary>The posts and their responsibilities, worded as the hospital's regulations word them.</summary>
    private static readonly (string Name, string Responsibilities)[] Catalogue =
    [
        ("信息科科长", "负责医院信息系统的开发、维护和管理，提供各类信息技术支持；执行医院信息化建设规划、实施方案和年度计划；负责本科室规章管理制度的执行和监督，明确岗位职责和工作范围，并进行适当的分工。"),
        ("系统管理员", "负责信息系统的维护和升级，确保系统的正常运行和数据的安全；加强信息系统用户管理，严格控制用户权限；及时修复系统漏洞，防范网络安全风险。"),
        ("网络管理员", "建立和完善网络安全管理制度，确保网络的安全性和稳定性；加强网络防火墙、入侵检测和防病毒系统的管理和更新；限制外部设备的接入，防止未经授权的设备接入网络。"),
        ("数据库管理员", "建立完善的数据备份机制，确保数据的安全性和可恢复性；定期备份重要数据，并将备份数据存储在可靠的介质中；备份数据的存储位置和存储介质需注明清晰，以便需要时能够快速找到和恢复数据。"),
        ("安全管理员", "定期对信息系统进行安全检查，及时发现和消除安全隐患；确保数据安全，防止数据泄露和篡改；保障网络信息安全，保护患者隐私。"),
        ("桌面运维", "接收用户的反馈和问题，并及时进行处理和解决；负责培训医院员工使用信息系统，并提供必要的技术支持；统一管理计算机及其相关设备，完整保存计算机及相关设备的驱动程序、保修卡及重要随机文件。"),
        ("机房值班", "计算机房要保持清洁、卫生，由专人负责管理和维护，无关人员未经批准严禁进入机房；实行网络运行监控，有完整的日常运维记录和值班记录，及时处置安全隐患；对所发生的故障、处理过程和结果等做好详细登记。"),
    ];

    /// <summary>The posts a demo IT account's person takes first.</summary>
    private static readonly (string UserName, string[] Posts)[] ByAccount =
    [
        (BuiltInRoles.ItDirector, ["信息科科长"]),
        (BuiltInRoles.ItEngineer, ["系统管理员", "数据库管理员"]),
        (BuiltInRoles.DutyOperator, ["机房值班"]),
    ];

    public int Order => 310;

    public string Name => "posts";

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) => await db.Set<Post>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, responsibilities) in Catalogue)
        {
            ids[name] = Check(await posts.CreateAsync(new PostInput(name, responsibilities), cancellationToken)).Id;
        }

        var department = await db.Set<Department>().AsNoTracking().Where(d => d.Name == ItDepartmentName).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken);
        var staff = department is { } id
            ? await db.Set<Person>().AsNoTracking().Where(p => p.DepartmentId == id && p.Status != PersonStatus.Left).OrderBy(p => p.EmployeeNumber).Select(p => p.Id).ToListAsync(cancellationToken)
            : [];
        if (staff.Count == 0)
        {
            progress.Report("posts: no people in the IT department yet; posts seeded without holders");
            return;
        }

        var since = posts.Today.AddYears(-1);
        var placed = new HashSet<long>();
        foreach (var (userName, names) in ByAccount)
        {
            var personId = await db.Set<Account>().AsNoTracking().Where(a => a.UserName == userName).Select(a => a.PersonId).FirstOrDefaultAsync(cancellationToken);
            if (personId is { } person && placed.Add(person))
            {
                foreach (var name in names)
                {
                    Check(await posts.AssignAsync(ids[name], new HolderInput(person, since), cancellationToken));
                }
            }
        }

        // The department's other people take the remaining posts in turn; the head's post stays single.
        var rest = Catalogue.Select(c => c.Name).Where(n => n != "信息科科长").ToArray();
        var turn = 0;
        foreach (var person in staff.Where(p => !placed.Contains(p)))
        {
            Check(await posts.AssignAsync(ids[rest[turn++ % rest.Length]], new HolderInput(person, since), cancellationToken));
        }

        progress.Report($"posts: {Catalogue.Length} posts, {staff.Count} holders");
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Posts demo data refused: {result.Error!.Code}");
}
