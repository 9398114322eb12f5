using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Systems;

/// <summary>
/// A tertiary hospital's register: the clinical core at level 3, the rest at level 2. Owners are
/// departments of the demo tree found by name (检验科 owns the LIS), the IT department otherwise.
/// Small and large demos seed the same register: it is small by nature.
/// </summary>
public sealed class SystemsDemoSeeder(SystemRegister register, XinkeDb db) : IDemoSeeder
{
    private const int CriticalRto = 30;
    private const int CriticalRpo = 5;
    private const int HighRto = 120;
    private const int HighRpo = 15;
    private const int MediumRto = 480;
    private const int MediumRpo = 60;
    private const int LowRto = 1440;
    private const int LowRpo = 240;

    private static readonly string[] ItDepartmentNames = ["信息科", "信息中心"];

    private static readonly DemoSystem[] Register =
    [
        new("HIS", "医院信息系统", "卫联医疗软件", 3, SystemCriticality.Critical, [], DataClasses.Core | DataClasses.Important, 2),
        new("EMR", "电子病历系统", "康瑞信息", 3, SystemCriticality.Critical, ["医务"], DataClasses.Core | DataClasses.Important, 3),
        new("PACS", "影像归档和通信系统", "明影科技", 3, SystemCriticality.Critical, ["放射", "影像"], DataClasses.Important, 5),
        new("LIS", "实验室信息系统", "检联软件", 3, SystemCriticality.Critical, ["检验"], DataClasses.Important, 13),
        new("HIP", "医院信息集成平台", "卫联医疗软件", 3, SystemCriticality.Critical, [], DataClasses.Core | DataClasses.Important, 7),
        new("RIS", "放射信息系统", "明影科技", 2, SystemCriticality.High, ["放射", "影像"], DataClasses.Important, 14),
        new("AIMS", "手术麻醉管理系统", "麦迪医疗信息", 2, SystemCriticality.Critical, ["麻醉", "手术"], DataClasses.Important, 16),
        new("ICIS", "重症监护信息系统", "麦迪医疗信息", 2, SystemCriticality.Critical, ["重症", "ICU"], DataClasses.Important, 16),
        new("PEIS", "体检管理系统", "健维软件", 2, SystemCriticality.Medium, ["体检"], DataClasses.General, 20),
        new("PIS", "病理信息系统", "检联软件", 2, SystemCriticality.Medium, ["病理"], DataClasses.Important, 20),
        new("BTMS", "输血管理系统", "血安科技", 2, SystemCriticality.High, ["输血"], DataClasses.Important, 18),
        new("HAIS", "医院感染监测系统", "杏和信息", 2, SystemCriticality.Medium, ["感染", "院感"], DataClasses.General, 22),
        new("PASS", "合理用药监测系统", "美康药讯", 2, SystemCriticality.High, ["药"], DataClasses.General, 22),
        new("OA", "协同办公系统", "致远协同", 2, SystemCriticality.Low, ["办公室"], DataClasses.General, 24),
        new("HRP", "医院资源规划系统", "用友医疗", 2, SystemCriticality.Medium, ["财务", "总务"], DataClasses.General, 24),
        new("FIN", "财务管理系统", "用友医疗", 2, SystemCriticality.Medium, ["财务"], DataClasses.Important, 24),
        new("IH", "互联网医院平台", "卫联医疗软件", 2, SystemCriticality.High, ["门诊"], DataClasses.Important, 10),
        new("CDR", "临床数据中心", "卫联医疗软件", 2, SystemCriticality.High, [], DataClasses.Core | DataClasses.Important, 12),
        new("DRG", "DRG 智能审核系统", "康瑞信息", 2, SystemCriticality.Medium, ["医保"], DataClasses.General, null, SystemStatus.Planned),
    ];

    public int Order => 200;

    public string Name => "systems";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var departments = await db.Set<Department>().AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var it = departments.FirstOrDefault(d => ItDepartmentNames.Contains(d.Name))
            ?? departments.FirstOrDefault(d => d.Kind == DepartmentKind.Department)
            ?? departments.FirstOrDefault();
        if (it is null)
        {
            progress.Report("systems: no department to own the systems; the register stays empty");
            return;
        }

        var today = register.Today;
        var sequence = 0;
        foreach (var system in Register)
        {
            var owner = departments.FirstOrDefault(d => d.Kind >= DepartmentKind.Department && system.OwnerHints.Any(h => d.Name.Contains(h, StringComparison.Ordinal))) ?? it;
            var critical = system.Criticality;
            var (rto, rpo) = critical switch
            {
                SystemCriticality.Critical => (CriticalRto, CriticalRpo),
                SystemCriticality.High => (HighRto, HighRpo),
                SystemCriticality.Medium => (MediumRto, MediumRpo),
                _ => (LowRto, LowRpo),
            };

            // Level-3 systems were filed in 2024, the others in 2023: 单位代码-年份序号.
            sequence++;
            var filing = string.Create(CultureInfo.InvariantCulture, $"11010143001-{(system.Level >= 3 ? 24 : 23)}{sequence:000}");
            var input = new SystemInput(
                system.Code,
                system.Name,
                owner.Id,
                system.Vendor,
                system.Level,
                filing,
                system.AssessedMonthsAgo is { } months ? today.AddMonths(-months) : null,
                SystemInput.NamesOf(system.Classes),
                // Every system here names patients or staff; the administrative ones hold no health data.
                HoldsPersonalData: true,
                HoldsHealthData: system.Code is not ("OA" or "HRP" or "FIN"),
                SystemInput.NameOf(critical),
                rto,
                rpo,
                SystemInput.NameOf(system.Status),
                null);
            var created = await register.CreateAsync(input, cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo system {system.Code} was refused: {created.Error!.Code}");
            }
        }

        progress.Report(string.Create(CultureInfo.InvariantCulture, $"systems: {Register.Length} systems ({size})"));
    }

    private sealed record DemoSystem(string Code, string Name, string Vendor, int Level, SystemCriticality Criticality, string[] OwnerHints, DataClasses Classes, int? AssessedMonthsAgo, SystemStatus Status = SystemStatus.InService);
}

/// <summary>Tells the demo runner whether the register already holds systems.</summary>
public sealed class SystemsRecords(XinkeDb db) : IBusinessRecords
{
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<InformationSystem>().AnyAsync(cancellationToken);
}
