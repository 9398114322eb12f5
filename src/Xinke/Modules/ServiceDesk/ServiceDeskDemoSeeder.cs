using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// The demo service desk: categories, the three assignment groups, SLA policies per priority, and a
/// year of tickets (about 600 small, 500,000 large, stored in chunks), most resolved within their SLA,
/// some breached, a few still open. Each ticket's history is written first and its SLA derived from it.
/// </summary>
public sealed class ServiceDeskDemoSeeder(XinkeDb db, HumanCodes codes, TicketSla sla, InformationSystems systems, TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public const int SmallCount = 600;
    public const int LargeCount = 500_000;
    private const int Chunk = 2_000;

    private static readonly (string Zh, string En, string[] Children)[] Categories =
    [
        ("硬件", "Hardware", ["打印机", "电脑", "扫码枪"]),
        ("软件", "Software", ["HIS", "EMR", "PACS"]),
        ("网络", "Network", ["有线网络", "无线网络"]),
        ("账号与权限", "Accounts and access", []),
    ];

    private static readonly string[] Titles = ["门诊打印机卡纸", "电脑无法开机", "HIS 登录缓慢", "无线网络断开", "扫码枪无法识别腕带", "医嘱打印格式错乱", "PACS 影像调阅失败", "账号密码重置"];

    public int Order => 700;

    public string Name => "servicedesk";

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Set<Ticket>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var leaves = await CategoriesAsync(cancellationToken);
        var engineers = await db.Set<RoleAssignment>().AsNoTracking().Where(a => a.Role!.Name == BuiltInRoles.ItEngineer || a.Role!.Name == BuiltInRoles.ItDirector).Select(a => a.AccountId).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var groups = await GroupsAsync(engineers, cancellationToken);
        await PoliciesAsync(cancellationToken);
        var departments = await db.Set<Department>().AsNoTracking().Where(d => d.Kind >= DepartmentKind.Department).Select(d => d.Id).OrderBy(d => d).ToListAsync(cancellationToken);
        var reporters = await db.Set<Account>().AsNoTracking().Where(a => a.PersonId != null).Select(a => a.Id).OrderBy(a => a).ToListAsync(cancellationToken);
        var systemIds = (await systems.InServiceAsync(cancellationToken)).Select(s => s.Id).ToList();
        var count = size == DemoSize.Large ? LargeCount : SmallCount;
        var random = new Random(2026);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var done = 0; done < count; done += Chunk)
        {
            var batch = Math.Min(Chunk, count - done);
            await AmbientTransaction.RunAsync(db, async () =>
            {
                var tickets = new List<(Ticket Ticket, List<TicketStatusChange> Rows)>();
                for (var i = 0; i < batch; i++)
                {
                    tickets.Add(await NewTicketAsync(random, now, leaves, engineers, groups, departments, reporters, systemIds, cancellationToken));
                }

                db.AddRange(tickets.Select(t => t.Ticket));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (ticket, rows) in tickets)
                {
                    rows.ForEach(r => r.TicketId = ticket.Id);
                    db.AddRange(rows);
                    await sla.ApplyAsync(ticket, rows, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return Result<int>.Success(batch);
            }, cancellationToken);
            progress.Report(string.Create(CultureInfo.InvariantCulture, $"servicedesk: {done + batch}/{count} tickets"));
        }
    }

    private async Task<(Ticket, List<TicketStatusChange>)> NewTicketAsync(
        Random random, DateTime now, List<long> categories, List<long> engineers, List<long> groups, List<long> departments, List<long> reporters, List<long> systemIds, CancellationToken cancellationToken)
    {
        // Filed on a weekday morning within the last year (Beijing 08:00–11:00 is 00:00–03:00 UTC).
        var opened = now.Date.AddDays(-random.Next(1, 365)).AddHours(random.Next(0, 3)).AddMinutes(random.Next(0, 60));
        while (opened.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            opened = opened.AddDays(-1);
        }

        var impact = (TicketLevel)random.Next(1, 4);
        var urgency = (TicketLevel)random.Next(1, 4);
        var ticket = new Ticket
        {
            Code = await codes.NextAsync(Ticket.CodeKind, opened.AddHours(8).Year, cancellationToken),
            Kind = random.Next(10) switch { < 6 => TicketKind.Fault, < 8 => TicketKind.ServiceRequest, 8 => TicketKind.Question, _ => TicketKind.Feedback },
            Title = Titles[random.Next(Titles.Length)],
            Description = "演示数据：科室报修",
            ReporterAccountId = reporters.Count > 0 ? reporters[random.Next(reporters.Count)] : null,
            DepartmentId = departments.Count > 0 ? departments[random.Next(departments.Count)] : null,
            CategoryId = categories[random.Next(categories.Count)],
            SystemId = systemIds.Count > 0 && random.Next(3) == 0 ? systemIds[random.Next(systemIds.Count)] : null,
            Impact = impact,
            Urgency = urgency,
            Priority = PriorityMatrix.Of(impact, urgency),
            GroupId = groups.Count > 0 ? groups[random.Next(groups.Count)] : null,
            CreatedAt = opened,
            UpdatedAt = opened,
        };
        List<TicketStatusChange> rows = [ticket.Opened(null)];
        if (engineers.Count == 0)
        {
            return (ticket, rows);
        }

        var engineer = engineers[random.Next(engineers.Count)];
        var at = opened;
        Result<TicketStatusChange> Step(Func<Ticket, Result<TicketStatusChange>> step, int minutes)
        {
            at = at.AddMinutes(minutes);
            var row = step(ticket);
            rows.Add(row.Value!);
            return row;
        }

        Step(t => t.Assign(engineer, t.GroupId, engineer, at), random.Next(2, 20));
        if (opened > now.AddDays(-2) && random.Next(2) == 0)
        {
            return (ticket, rows);
        }

        Step(t => t.Start(engineer, at), random.Next(5, 40));
        // About one in six takes long enough to breach; the rest are fixed within the morning.
        var work = random.Next(6) == 0 ? random.Next(600, 3000) : random.Next(10, 120);
        Step(t => t.Resolve((TicketCause)random.Next(0, 8), null, "演示数据：已处理", engineer, at), work);
        if (ticket.ReporterAccountId is { } reporter && random.Next(4) > 0)
        {
            Step(t => t.Confirm(reporter, at), random.Next(30, 600));
            ticket.Rate(random.Next(3, 6), null, reporter, at);
        }
        else
        {
            Step(t => t.Close(null, AutoCloseJob.Reason, at), 3 * 24 * 60);
        }

        return (ticket, rows);
    }

    private async Task<List<long>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var leaves = new List<long>();
        var order = 0;
        foreach (var (zh, en, children) in Categories)
        {
            var parent = new TicketCategory { NameZh = zh, NameEn = en, SortOrder = order++ };
            db.Add(parent);
            await db.SaveChangesAsync(cancellationToken);
            parent.Path = string.Create(CultureInfo.InvariantCulture, $"/{parent.Id}/");
            if (children.Length == 0)
            {
                leaves.Add(parent.Id);
            }

            foreach (var child in children)
            {
                var node = new TicketCategory { ParentId = parent.Id, NameZh = child, NameEn = child, SortOrder = order++ };
                db.Add(node);
                await db.SaveChangesAsync(cancellationToken);
                node.Path = string.Create(CultureInfo.InvariantCulture, $"{parent.Path}{node.Id}/");
                leaves.Add(node.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return leaves;
    }

    private async Task<List<long>> GroupsAsync(List<long> engineers, CancellationToken cancellationToken)
    {
        SupportGroup[] groups =
        [
            new() { NameZh = "网络组", NameEn = "Network", LeadAccountId = engineers.Count > 0 ? engineers[0] : null },
            new() { NameZh = "桌面运维组", NameEn = "Desktop support", LeadAccountId = engineers.Count > 0 ? engineers[^1] : null },
            new() { NameZh = "应用组", NameEn = "Applications", LeadAccountId = engineers.Count > 0 ? engineers[0] : null },
        ];
        db.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(groups.SelectMany(g => engineers.Select(e => new SupportGroupMember { GroupId = g.Id, AccountId = e })));
        await db.SaveChangesAsync(cancellationToken);
        return [.. groups.Select(g => g.Id)];
    }

    private async Task PoliciesAsync(CancellationToken cancellationToken)
    {
        db.AddRange(
            new SlaPolicy { Name = "P1 紧急", Priority = TicketPriority.P1, ResponseMinutes = 15, ResolutionMinutes = 240, AroundTheClock = true },
            new SlaPolicy { Name = "P2 高", Priority = TicketPriority.P2, ResponseMinutes = 30, ResolutionMinutes = 480 },
            new SlaPolicy { Name = "P3 中", Priority = TicketPriority.P3, ResponseMinutes = 60, ResolutionMinutes = 900 },
            new SlaPolicy { Name = "P4 低", Priority = TicketPriority.P4, ResponseMinutes = 240, ResolutionMinutes = 2250 });
        await db.SaveChangesAsync(cancellationToken);
        sla.Forget();
    }
}
