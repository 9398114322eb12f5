using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.ServiceDesk;

/// <summary>
/// Every staff member files and reads tickets — their own and, through their department-scoped
/// roles, their department's; the IT department (unscoped) reads all. Engineers and duty staff work
/// tickets; the IT director keeps the SLA policies, categories and groups. The knowledge base is read
/// by all staff and written by the IT department; reports are for the IT department and leadership.
/// </summary>
public static class ServiceDeskPermissions
{
    public const string TicketsRead = "tickets.read";
    public const string TicketsFile = "tickets.file";
    public const string TicketsWork = "tickets.work";
    public const string TicketsManage = "tickets.manage";
    public const string KbRead = "kb.read";
    public const string KbWrite = "kb.write";
    public const string Reports = "servicedesk.reports";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(TicketsRead, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff, Leadership, Reviewer),
        new(TicketsFile, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff),
        new(TicketsWork, AdminDuty.None, ItDirector, ItEngineer, DutyOperator),
        new(TicketsManage, AdminDuty.None, ItDirector),
        new(KbRead, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff, Leadership, Reviewer),
        new(KbWrite, AdminDuty.None, ItDirector, ItEngineer),
        new(Reports, AdminDuty.None, ItDirector, ItEngineer, Leadership, Reviewer),
    ];
}
