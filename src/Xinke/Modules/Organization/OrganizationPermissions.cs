using Xinke.Kernel.Identity;


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
        new(PeopleRead, AdminDuty.None, BuiltInRoles.SysAdmin, BuiltInRoles.ItDirector, BuiltInRoles.ItEngineer, BuiltInRoles.DutyOperator, BuiltInRoles.DeptHead, BuiltInRoles.DeptLiaison, BuiltInRoles.Leadership, BuiltInRoles.Reviewer),
        new(PeopleWrite, AdminDuty.None, BuiltInRoles.ItDirector, BuiltInRoles.ItEngineer, BuiltInRoles.DeptLiaison),
        new(PeopleImport, AdminDuty.None, BuiltInRoles.ItDirector, BuiltInRoles.ItEngineer),
        new(PeoplePhone, AdminDuty.None, BuiltInRoles.ItDirector, BuiltInRoles.ItEngineer, BuiltInRoles.DutyOperator, BuiltInRoles.DeptHead, BuiltInRoles.DeptLiaison),
        new(ContactsWrite, AdminDuty.None, BuiltInRoles.ItDirector),
    ];
}
