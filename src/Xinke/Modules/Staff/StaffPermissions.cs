using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Staff;

/// <summary>
/// Trainings and agreements are read across the IT department, by leadership and reviewers, and by
/// the departments' heads and liaisons for their own people (department-scoped roles). The IT
/// director and engineers run trainings; they and a department's liaison record signed agreements.
/// </summary>
public static class StaffPermissions
{
    public const string TrainingsRead = "trainings.read";
    public const string TrainingsWrite = "trainings.write";
    public const string AgreementsRead = "agreements.read";
    public const string AgreementsWrite = "agreements.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(TrainingsRead, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(TrainingsWrite, AdminDuty.None, ItDirector, ItEngineer),
        new(AgreementsRead, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(AgreementsWrite, AdminDuty.None, ItDirector, ItEngineer, DeptLiaison),
    ];
}
