namespace Xinke.Modules.Organization.Departments;

public static class DepartmentContactsErrors
{
    public const string NotInDepartment = "department_contacts.not_in_department";
    public const string PersonLeft = "department_contacts.person_left";
}
