using Xinke.Data;
using Xinke.Kernel;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Repairs;

/// <summary>
/// One repair of a device (EQ-05): the fault, in-house or by a vendor (with the vendor's name and
/// engineer), the parts replaced, the cost, start and finish. The asset is UnderRepair while the
/// repair is open and goes back to the status it had before when it finishes.
/// </summary>
public sealed class AssetRepair : IVersioned
{
    public const int FaultMaxLength = 2000;
    public const int NameMaxLength = 100;
    public const int PartMaxLength = 200;
    public const int MaxParts = 50;
    public const int NotesMaxLength = 2000;
    public const decimal MaxCost = 100_000_000m;

    public long Id { get; set; }

    public long AssetId { get; set; }

    public required string Fault { get; set; }

    public RepairKind Kind { get; set; }

    public string? VendorName { get; set; }

    public string? VendorEngineer { get; set; }

    public List<string> Parts { get; set; } = [];

    public decimal? Cost { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public string? Notes { get; set; }

    /// <summary>The status the asset goes back to when the repair finishes.</summary>
    public AssetStatus PreviousStatus { get; set; }

    public long RecordedById { get; set; }

    /// <summary>The loan whose damaged return opened this repair, if any.</summary>
    public long? LoanId { get; set; }

    public long Version { get; set; }

    public bool IsOpen => FinishedAt is null;

    /// <summary>Takes the fields of <paramref name="input"/> after the rules: a fault, a known kind, a vendor repair names its vendor and engineer.</summary>
    public Error? Apply(RepairInput input, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsOpen)
        {
            return Error.Conflict(RepairErrors.Finished, RepairErrors.Requirement);
        }

        var fault = Blank(input.Fault);
        if (fault is null || fault.Length > FaultMaxLength)
        {
            return Error.Invalid(RepairErrors.InvalidFault, "fault", FaultMaxLength);
        }

        if (!Enum.TryParse<RepairKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return Error.Invalid(RepairErrors.InvalidKind, "kind");
        }

        var vendor = Blank(input.VendorName);
        var engineer = Blank(input.VendorEngineer);
        if (kind == RepairKind.Vendor && vendor is null)
        {
            return new Error(RepairErrors.VendorRequired, ErrorKind.Invalid, "vendorName", RepairErrors.Requirement);
        }

        if (kind == RepairKind.Vendor && engineer is null)
        {
            return new Error(RepairErrors.VendorEngineerRequired, ErrorKind.Invalid, "vendorEngineer", RepairErrors.Requirement);
        }

        if (vendor?.Length > NameMaxLength || engineer?.Length > NameMaxLength)
        {
            return Error.Invalid(RepairErrors.InvalidText, vendor?.Length > NameMaxLength ? "vendorName" : "vendorEngineer", NameMaxLength);
        }

        var parts = (input.Parts ?? []).Select(Blank).OfType<string>().ToList();
        if (parts.Count > MaxParts || parts.Any(p => p.Length > PartMaxLength))
        {
            return Error.Invalid(RepairErrors.InvalidParts, "parts", MaxParts, PartMaxLength);
        }

        if (input.Cost is < 0 or > MaxCost)
        {
            return Error.Invalid(RepairErrors.InvalidCost, "cost");
        }

        var notes = Blank(input.Notes);
        if (notes?.Length > NotesMaxLength)
        {
            return Error.Invalid(RepairErrors.InvalidText, "notes", NotesMaxLength);
        }

        Fault = fault;
        Kind = kind;
        VendorName = kind == RepairKind.Vendor ? vendor : null;
        VendorEngineer = kind == RepairKind.Vendor ? engineer : null;
        Parts = parts;
        Cost = input.Cost;
        StartedAt = input.StartedAt?.UtcDateTime ?? (StartedAt == default ? now : StartedAt);
        Notes = notes;
        return null;
    }

    public Error? Finish(RepairFinishInput input, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!IsOpen)
        {
            return Error.Conflict(RepairErrors.Finished, RepairErrors.Requirement);
        }

        var finished = input.FinishedAt?.UtcDateTime ?? now;
        if (finished < StartedAt)
        {
            return Error.Invalid(RepairErrors.FinishBeforeStart, "finishedAt");
        }

        if (input.Cost is < 0 or > MaxCost)
        {
            return Error.Invalid(RepairErrors.InvalidCost, "cost");
        }

        var notes = Blank(input.Notes);
        if (notes?.Length > NotesMaxLength)
        {
            return Error.Invalid(RepairErrors.InvalidText, "notes", NotesMaxLength);
        }

        FinishedAt = finished;
        Cost = input.Cost ?? Cost;
        Notes = notes ?? Notes;
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
