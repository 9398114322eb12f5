namespace Xinke.Kernel.Checklists;

public static class ChecklistErrors
{
    public const string TemplateNotFound = "checklist.template_not_found";
    public const string RunNotFound = "checklist.run_not_found";
    public const string InvalidCode = "checklist.invalid_code";
    public const string CodeTaken = "checklist.code_taken";
    public const string InvalidName = "checklist.invalid_name";
    public const string InvalidKind = "checklist.invalid_kind";
    public const string InvalidItems = "checklist.invalid_items";
    public const string InvalidItem = "checklist.invalid_item";
    public const string InvalidLimits = "checklist.invalid_limits";
    public const string InvalidDueDays = "checklist.invalid_due_days";
    public const string InvalidSubject = "checklist.invalid_subject";
    public const string Retired = "checklist.retired";
    public const string UnknownItem = "checklist.unknown_item";
    public const string InvalidReading = "checklist.invalid_reading";
    public const string InvalidPhoto = "checklist.invalid_photo";
    public const string NotInProgress = "checklist.not_in_progress";
    public const string ItemMissing = "checklist.item_missing";
    public const string PhotoRequired = "checklist.photo_required";

    /// <summary>Hardware and systems are inspected periodically, and each check is recorded.</summary>
    public const string Requirement = "OPS-03";
}
