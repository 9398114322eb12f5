using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Assets;

/// <summary>
/// The IT department keeps the register (EQ-08): engineers record, lend, maintain, repair and count
/// devices and hand them out on requests; the IT director does all of it, manages the types and, as a
/// qualified technician, appraises devices for scrapping. Duty operators, leadership and reviewers
/// read; a department's head and liaison read their own department's devices (scoped roles).
/// </summary>
public static class AssetsPermissions
{
    public const string Read = "assets.read";
    public const string Write = "assets.write";
    public const string ManageTypes = "asset-types.manage";
    public const string Import = "assets.import";
    public const string Repair = "assets.repair";
    public const string Appraise = "assets.appraise";
    public const string Loan = "assets.loan";

    /// <summary>Borrow and reserve devices for oneself and follow one's own loans; every member of staff.</summary>
    public const string Borrow = "assets.borrow";
    public const string Maintain = "assets.maintain";
    public const string Stocktake = "assets.stocktake";
    public const string FulfilRequests = "asset-requests.fulfil";

    /// <summary>Reads device requests: one's own, one's departments' (scoped roles) or all (IT, leadership, reviewers); see AssetRequests.VisibleAsync.</summary>
    public const string ReadRequests = "asset-requests.read";

    /// <summary>Files a device request (EQ-02): any staff member, for their own department.</summary>
    public const string FileRequests = "asset-requests.file";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Read, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer, DeptHead, DeptLiaison),
        new(Write, AdminDuty.None, ItDirector, ItEngineer),
        new(ManageTypes, AdminDuty.None, ItDirector),
        new(Import, AdminDuty.None, ItDirector),
        new(Repair, AdminDuty.None, ItDirector, ItEngineer),
        new(Appraise, AdminDuty.None, ItDirector),
        new(Loan, AdminDuty.None, ItDirector, ItEngineer),
        new(Borrow, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, Leadership, Reviewer, DeptHead, DeptLiaison, BuiltInRoles.Staff),
        new(Maintain, AdminDuty.None, ItDirector, ItEngineer),
        new(Stocktake, AdminDuty.None, ItDirector, ItEngineer),
        new(FulfilRequests, AdminDuty.None, ItDirector, ItEngineer),
        new(ReadRequests, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff, Leadership, Reviewer),
        new(FileRequests, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, BuiltInRoles.Staff),
    ];
}
