namespace Xinke.Modules.Assets.Repairs;

public static class RepairErrors
{
    public const string NotFound = "repair.not_found";
    public const string InvalidFault = "repair.invalid_fault";
    public const string InvalidKind = "repair.invalid_kind";
    public const string VendorRequired = "repair.vendor_required";
    public const string VendorEngineerRequired = "repair.vendor_engineer_required";
    public const string InvalidText = "repair.invalid_text";
    public const string InvalidParts = "repair.invalid_parts";
    public const string InvalidCost = "repair.invalid_cost";
    public const string FinishBeforeStart = "repair.finish_before_start";
    public const string Finished = "repair.finished";
    public const string InProgress = "repair.in_progress";

    /// <summary>Repairs are made only by qualified technicians; nobody else opens a device.</summary>
    public const string Requirement = "EQ-05";
}
