using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Modules.Organization;

/// <summary>
/// People are read across the IT department, by leadership and reviewers, and by each
/// department's head and liaison within their department; the system administrator reads them to
/// link accounts. The liaison keeps their own department's people (a new nurse is entered before
/// her account is requested); phones show in clear only to those who call people back.
/// </summary>
public static class OrganizationPermissions
{
    public const string PeopleRead = "people.read";
    public const string PeopleWrite = "people.write";
    public const string PeopleImport = "people.import";
    public const string PeoplePhone = "people.phone";
    public const string ContactsWrite = "department-contacts.write";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(PeopleRead, AdminDuty.None, SysAdmin, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison, Leadership, Reviewer),
        new(PeopleWrite, AdminDuty.None, ItDirector, ItEngineer, DeptLiaison),
        new(PeopleImport, AdminDuty.None, ItDirector, ItEngineer),
        new(PeoplePhone, AdminDuty.None, ItDirector, ItEngineer, DutyOperator, DeptHead, DeptLiaison),
        new(ContactsWrite, AdminDuty.None, ItDirector),
    ];
}
