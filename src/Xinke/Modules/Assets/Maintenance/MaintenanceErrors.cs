namespace Xinke.Modules.Assets.Maintenance;

public static class MaintenanceErrors
{
    public const string NotFound = "maintenance.not_found";
    public const string InvalidTitle = "maintenance.invalid_title";
    public const string InvalidCoverage = "maintenance.invalid_coverage";
    public const string UnknownTemplate = "maintenance.unknown_template";
    public const string InvalidAssets = "maintenance.invalid_assets";
    public const string InvalidResult = "maintenance.invalid_result";
    public const string NotesRequired = "maintenance.notes_required";
    public const string InvalidNotes = "maintenance.invalid_notes";
    public const string AssetNotCovered = "maintenance.asset_not_covered";

    /// <summary>Devices are checked and maintained on schedule, and each check is recorded.</summary>
    public const string Requirement = "EQ-04";
}
