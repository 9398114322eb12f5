namespace Xinke.Kernel.Evidence.Documents;

public static class EvidenceDocumentErrors
{
    public const string NotFound = "evidence_document.not_found";
    public const string TitleRequired = "evidence_document.title_required";
    public const string RequirementsRequired = "evidence_document.requirements_required";
    public const string UnknownRequirement = "evidence_document.unknown_requirement";
    public const string CoverageRequired = "evidence_document.coverage_required";
    public const string CoverageReversed = "evidence_document.coverage_reversed";
    public const string ExpiryBeforeCoverage = "evidence_document.expiry_before_coverage";
    public const string OwnerNotFound = "evidence_document.owner_not_found";
    public const string DepartmentNotFound = "evidence_document.department_not_found";
    public const string NoteTooLong = "evidence_document.note_too_long";
}
