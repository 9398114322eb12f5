using Xinke.Data;
using Xinke.Kernel;

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

    /// <summary>The hospital-local day the borrower and liaison were last told the loan is overdue: at most once a day.</summary>
    public DateOnly? OverdueNoticeOn { get; set; }

    public long Version { get; set; }

    public bool IsOpen => ReturnedAt is null;

    public bool IsOverdueAt(DateTime now) => IsOpen && DueAt < now;

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
