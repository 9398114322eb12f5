namespace Xinke.Modules.Systems;

public static class SystemErrors
{
    public const string NotFound = "system.not_found";
    public const string CodeTaken = "system.code_taken";
    public const string InvalidCode = "system.invalid_code";
    public const string InvalidName = "system.invalid_name";
    public const string InvalidVendor = "system.invalid_vendor";
    public const string InvalidDescription = "system.invalid_description";
    public const string InvalidLevel = "system.invalid_level";
    public const string FilingRequired = "system.filing_required";
    public const string InvalidFilingNumber = "system.invalid_filing_number";
    public const string AssessedInFuture = "system.assessed_in_future";
    public const string InvalidRto = "system.invalid_rto";
    public const string InvalidRpo = "system.invalid_rpo";
    public const string InvalidCriticality = "system.invalid_criticality";
    public const string InvalidStatus = "system.invalid_status";
    public const string InvalidDataClasses = "system.invalid_data_classes";
    public const string UnknownDepartment = "system.unknown_department";
    public const string InvalidReason = "system.invalid_reason";
    public const string Retired = "system.retired";

    /// <summary>The hospital implements classified protection for its systems: grading, filing, assessment.</summary>
    public const string Requirement = "SEC-01";
}
