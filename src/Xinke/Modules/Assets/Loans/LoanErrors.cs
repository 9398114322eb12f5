namespace Xinke.Modules.Assets.Loans;

public static class LoanErrors
{
    public const string NotFound = "asset.loan.not_found";
    public const string NotAvailable = "asset.loan.not_available";
    public const string UnknownBorrower = "asset.loan.unknown_borrower";
    public const string InvalidDue = "asset.loan.invalid_due";
    public const string InvalidCondition = "asset.loan.invalid_condition";
    public const string InvalidText = "asset.loan.invalid_text";
    public const string Closed = "asset.loan.closed";
    public const string InspectionRequired = "asset.return.inspection_required";
    public const string SelfInspection = "asset.return.self_inspection";
    public const string DataNotWiped = "asset.return.data_not_wiped";
    public const string DamageNotesRequired = "asset.return.damage_notes_required";
    public const string ReservationNotFound = "asset.reservation.not_found";
    public const string ReservationConflict = "asset.reservation.conflict";
    public const string ReservationForOthers = "asset.reservation.for_others";
    public const string UnknownPerson = "asset.reservation.unknown_person";
    public const string InvalidWindow = "asset.reservation.invalid_window";
    public const string InvalidPurpose = "asset.reservation.invalid_purpose";
    public const string ReservationCancelled = "asset.reservation.cancelled";
    public const string ReservationNotYours = "asset.reservation.not_yours";

    /// <summary>A borrowed device is kept in good state; its return is inspected before the loan is closed.</summary>
    public const string Requirement = "EQ-03";
}
