using Xinke.Data;
using Xinke.Kernel;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// A device lent to a person (EQ-03): the condition and accessories it left with and its due time;
/// the loan closes only with the return inspection recorded by IT — condition, accessories, data
/// wiped when the device holds data, damage (which opens a repair) — and never by the borrower.
/// </summary>
public sealed class AssetLoan : IVersioned
{
    public const string CodeKind = "JY";
    public const int CodeMaxLength = 32;
    public const int TextMaxLength = 500;
    public const int NotesMaxLength = 2000;

    public long Id { get; set; }

    /// <summary>The human code <c>JY-2026-000123</c>.</summary>
    public required string Code { get; set; }

    public long AssetId { get; set; }

    /// <summary>The Organization person who borrows the device.</summary>
    public long BorrowerPersonId { get; set; }

    /// <summary>The borrower's department at check-out: the department scope of the loan and whose liaison hears of it when overdue.</summary>
    public long DepartmentId { get; set; }

    public DateTime LentAt { get; set; }

    public long LentById { get; set; }

    public DateTime DueAt { get; set; }

    /// <summary>The condition the device left in.</summary>
    public required string ConditionOut { get; set; }

    public string? Accessories { get; set; }

    public DateTime? ReturnedAt { get; set; }

    public long? InspectedById { get; set; }

    public string? ReturnCondition { get; set; }

    public bool? AccessoriesComplete { get; set; }

    public bool? DataWiped { get; set; }

    public bool? Damaged { get; set; }

    public string? InspectionNotes { get; set; }

    /// <summary>The repair a damaged return opened.</summary>
    public long? RepairId { get; set; }

    /// <summary>
    /// The department that owned the device before it went out, to which the return gives it back
    /// (a device handed out on a request passes to the borrower's department while away); null on
    /// loans recorded before this was kept, whose return leaves the owner as it is.
    /// </summary>
    public long? HomeDepartmentId { get; set; }

    /// <summary>Who answered for the device before it went out (ORG-05), restored with the department.</summary>
    public long? HomeResponsiblePersonId { get; set; }

    public string? HomeCampus { get; set; }

    public string? HomeBuilding { get; set; }

    public string? HomeFloor { get; set; }

    public string? HomeRoom { get; set; }

    public string? HomeRack { get; set; }

    public string? HomeRackUnit { get; set; }

    /// <summary>Where the device stood before it went out: where it stands again once returned.</summary>
    public AssetLocation HomeLocation => new(HomeCampus, HomeBuilding, HomeFloor, HomeRoom, HomeRack, HomeRackUnit);

    /// <summary>The hospital-local day the borrower and liaison were last told the loan is overdue: at most once a day.</summary>
    public DateOnly? OverdueNoticeOn { get; set; }

    public long Version { get; set; }

    public bool IsOpen => ReturnedAt is null;

    public bool IsOverdueAt(DateTime now) => IsOpen && DueAt < now;

    /// <summary>Keeps where <paramref name="asset"/> belongs before anything of its check-out changes it.</summary>
    public void RememberHome(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        HomeDepartmentId = asset.OwningDepartmentId;
        HomeResponsiblePersonId = asset.ResponsiblePersonId;
        (HomeCampus, HomeBuilding, HomeFloor, HomeRoom, HomeRack, HomeRackUnit) = (asset.Campus, asset.Building, asset.Floor, asset.Room, asset.Rack, asset.RackUnit);
    }

    /// <summary>
    /// Gives a returned device back to the department, person and place it had before it went out;
    /// returns whether anything changed (false, too, for a loan that kept no home).
    /// </summary>
    public Result<bool> SendHome(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (HomeDepartmentId is not { } department)
        {
            return false;
        }

        var assigned = asset.AssignTo(HomeResponsiblePersonId, department);
        if (!assigned.Succeeded)
        {
            return assigned.Error!;
        }

        var moved = asset.MoveTo(HomeLocation);
        if (!moved.Succeeded)
        {
            return moved.Error!;
        }

        return assigned.Value || moved.Value;
    }

    /// <summary>
    /// Closes the loan with its inspection. The borrower never inspects their own return; a device
    /// that holds data comes back wiped; a damaged one says what is wrong (the repair's fault).
    /// </summary>
    public Error? Close(ReturnInspection inspection, long inspectorId, long? inspectorPersonId, bool holdsData, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        if (!IsOpen)
        {
            return Error.Conflict(LoanErrors.Closed, LoanErrors.Requirement);
        }

        if (inspectorPersonId == BorrowerPersonId)
        {
            return Error.Conflict(LoanErrors.SelfInspection, LoanErrors.Requirement);
        }

        if (holdsData && !inspection.DataWiped)
        {
            return Error.Conflict(LoanErrors.DataNotWiped, LoanErrors.Requirement);
        }

        if (inspection.Damaged && inspection.Notes is null)
        {
            return new Error(LoanErrors.DamageNotesRequired, ErrorKind.Invalid, "notes", LoanErrors.Requirement);
        }

        ReturnedAt = now;
        InspectedById = inspectorId;
        ReturnCondition = inspection.Condition;
        AccessoriesComplete = inspection.AccessoriesComplete;
        DataWiped = inspection.DataWiped;
        Damaged = inspection.Damaged;
        InspectionNotes = inspection.Notes;
        return null;
    }
}
