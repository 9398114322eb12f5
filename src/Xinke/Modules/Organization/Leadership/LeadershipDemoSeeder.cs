using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// The demo hospital's IT leadership group: the president (the <c>leadership</c> account) leads,
/// a vice-president deputises, the IT director keeps the minutes, the heads of the medical,
/// nursing and finance offices sit in; three meetings over the last year with decisions, some
/// followed to completion, one late, two still open, and a draft. Runs after the staff seeder
/// (Order 400), which activates the demo accounts that own the decisions.
/// </summary>
public sealed class LeadershipDemoSeeder(XinkeDb db, LeadershipGroup group, AccountService accounts, PeopleDirectory people, TimeProvider clock) : IDemoSeeder, IBusinessRecords
{
    public int Order => 450;

    public string Name => "leadership";

    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        await db.Set<GroupMember>().AnyAsync(cancellationToken) || await db.Set<LeadershipMeeting>().AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var director = await ActiveAccountAsync(BuiltInRoles.ItDirector, cancellationToken);
        var president = await ActiveAccountAsync(BuiltInRoles.Leadership, cancellationToken);
        var engineer = await ActiveAccountAsync(BuiltInRoles.ItEngineer, cancellationToken);
        if (director is null || president is null || engineer is null)
        {
            progress.Report("leadership: the active demo accounts it-director, leadership and it-engineer are missing; no group seeded");
            return;
        }

        var today = group.Today;
        var since = today.AddDays(-400);
        var members = new List<long> { president.Id };
        await AddAsync(president.Id, GroupPosition.Leader, since, cancellationToken);
        var deputy = await MemberAccountAsync("vice-president", "分管副院长", null, cancellationToken);
        await AddAsync(deputy, GroupPosition.Deputy, since, cancellationToken);
        members.Add(deputy);
        await AddAsync(director.Id, GroupPosition.Secretary, since, cancellationToken);
        members.Add(director.Id);
        foreach (var (userName, department, title) in new[] { ("head-medical", "医务处", "医务处处长"), ("head-nursing", "护理部", "护理部主任"), ("head-finance", "财务处", "财务处处长") })
        {
            var member = await MemberAccountAsync(userName, title, department, cancellationToken);
            await AddAsync(member, GroupPosition.Member, since, cancellationToken);
            members.Add(member);
        }

        var first = await MeetingAsync(today.AddDays(-330), "2025年度第一次信息化领导小组会议", "审议医院信息化建设规划和年度计划；讨论HIS系统升级方案。", members, director.Id, cancellationToken);
        await DecisionAsync(first, "完成HIS系统升级方案论证并报领导小组审定", engineer.Id, today.AddDays(-270), verifier: director.Id, cancellationToken);
        await DecisionAsync(first, "修订信息安全管理制度，明确各部门、科室的职责", director.Id, today.AddDays(-240), verifier: president.Id, cancellationToken);

        var second = await MeetingAsync(today.AddDays(-150), "2025年度第二次信息化领导小组会议", "听取信息科上半年工作汇报；部署数据备份和网络安全检查。", members, director.Id, cancellationToken);
        await DecisionAsync(second, "建立重要数据异地备份机制，确保数据的安全性和可恢复性", engineer.Id, today.AddDays(-60), verifier: null, cancellationToken);
        await DecisionAsync(second, "配合信息科开展全院信息化培训和宣传工作", director.Id, today.AddDays(-30), verifier: president.Id, cancellationToken);

        var third = await MeetingAsync(today.AddDays(-20), "2026年度第一次信息化领导小组会议", "审议下一年度信息化建设计划；通报机房UPS巡检情况。", members, director.Id, cancellationToken);
        await DecisionAsync(third, "完成机房UPS电池更换并组织验收", engineer.Id, today.AddDays(40), verifier: null, cancellationToken);
        await DecisionAsync(third, "编制下一年度信息化建设实施方案", director.Id, today.AddDays(60), verifier: null, cancellationToken);

        var draft = await group.CreateMeetingAsync(new MeetingInput(today.AddDays(10), "行政楼三楼会议室", "2026年度第二次信息化领导小组会议", [], null), cancellationToken);
        progress.Report(draft.Succeeded ? "leadership: 6 members, 4 meetings, 6 decisions" : $"leadership: draft meeting refused ({draft.Error!.Code})");
    }

    private async Task<Account?> ActiveAccountAsync(string userName, CancellationToken cancellationToken) =>
        await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName && a.State == AccountState.Active, cancellationToken);

    private async Task AddAsync(long accountId, GroupPosition position, DateOnly from, CancellationToken cancellationToken) =>
        Check(await group.AddMemberAsync(new MemberInput(accountId, position.ToString(), from), cancellationToken));

    /// <summary>
    /// The leaders who sit in the group but hold no demo account get one (pending: they never
    /// sign in here), linked to their department head's person when that person has no account yet.
    /// </summary>
    private async Task<long> MemberAccountAsync(string userName, string title, string? departmentName, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Account>().AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        (long Id, string Name)? linked = null;
        if (departmentName is not null && await db.Set<Department>().AsNoTracking().Where(d => d.Name == departmentName).Select(d => (long?)d.Id).FirstOrDefaultAsync(cancellationToken) is { } departmentId
            && (await people.ContactsOfAsync(departmentId, cancellationToken)).HeadPersonId is { } headId
            && !await db.Set<Account>().AnyAsync(a => a.PersonId == headId, cancellationToken))
        {
            var name = await db.Set<Person>().AsNoTracking().Where(p => p.Id == headId).Select(p => p.Name).SingleAsync(cancellationToken);
            linked = (headId, name);
        }

        var created = await accounts.CreateAsync(userName, linked is { } head ? $"{head.Name}（{title}）" : title, linked?.Id, AccountState.Pending, cancellationToken);
        return Check(created).Account.Id;
    }

    private async Task<LeadershipMeeting> MeetingAsync(DateOnly heldOn, string title, string minutes, IReadOnlyList<long> attendees, long secretary, CancellationToken cancellationToken)
    {
        var meeting = Check(await group.CreateMeetingAsync(new MeetingInput(heldOn, "行政楼三楼会议室", title, attendees, minutes), cancellationToken));
        return Check(await group.PublishAsAsync(meeting.Id, secretary, cancellationToken));
    }

    /// <summary>
    /// Records a decision as the meeting did; decisions of past meetings get their historical due
    /// date and record time afterwards (the register accepts no due date in the past), and those
    /// followed to completion are submitted by their owner and verified by someone else.
    /// </summary>
    private async Task DecisionAsync(LeadershipMeeting meeting, string text, long ownerId, DateOnly due, long? verifier, CancellationToken cancellationToken)
    {
        var today = group.Today;
        var decision = Check(await group.RecordDecisionAsync(meeting.Id, new DecisionInput(text, ownerId, due < today ? today : due), cancellationToken));
        var action = await db.Set<ImprovementAction>().SingleAsync(a => a.Id == decision.ImprovementActionId, cancellationToken);
        var recordedAt = meeting.HeldOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        decision.DueDate = due;
        decision.RecordedAt = recordedAt;
        action.DueDate = due;
        action.CreatedAt = recordedAt;
        if (verifier is { } verifierId)
        {
            var doneAt = due.AddDays(-3).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            Check(action.Submit(ownerId, "已按期完成，相关材料已归档。", null, doneAt));
            Check(action.Verify(verifierId, clock.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Leadership demo data refused: {result.Error!.Code}");

    private static void Check(Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Leadership demo data refused: {error.Code}");
        }
    }
}
