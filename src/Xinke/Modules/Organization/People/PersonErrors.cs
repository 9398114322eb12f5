namespace Xinke.Modules.Organization.People;

public static class PersonErrors
{
    public const string InvalidEmployeeNumber = "person.invalid_employee_number";
    public const string EmployeeNumberTaken = "person.employee_number_taken";
    public const string InvalidName = "person.invalid_name";
    public const string InvalidTitle = "person.invalid_title";
    public const string InvalidPhone = "person.invalid_phone";
    public const string UnknownDepartment = "person.unknown_department";
    public const string InvalidStatus = "person.invalid_status";
    public const string InvalidLeftOn = "person.invalid_left_on";
}
