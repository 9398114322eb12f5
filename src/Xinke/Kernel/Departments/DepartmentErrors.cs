namespace Xinke.Kernel.Departments;

public static class DepartmentErrors
{
    public const string InvalidName = "departments.invalid_name";
    public const string RootMustBeHospital = "departments.root_must_be_hospital";
    public const string KindBelowParent = "departments.kind_below_parent";
    public const string UnknownParent = "departments.unknown_parent";
}
