namespace Xinke.Modules.Assets.Loans;

/// <summary>The return inspection of a closed loan.</summary>
public sealed record InspectionDto(long InspectedById, DateTime InspectedAt, string Condition, bool AccessoriesComplete, bool DataWiped, bool Damaged, string? Notes, long? RepairId);

/// <summary>A loan as the API returns it, with its inspection once returned; <c>overdue</c> is judged at the instant given.</summary>
public sealed record LoanDto(
    long Id, string Code, long AssetId, long BorrowerPersonId, long DepartmentId, DateTime LentAt, long LentById, DateTime DueAt,
    string ConditionOut, string? Accessories, bool Open, bool Overdue, DateTime? ReturnedAt, InspectionDto? Inspection, long Version)
{
    public static LoanDto From(AssetLoan loan, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var inspection = loan.ReturnedAt is { } returned
            ? new InspectionDto(loan.InspectedById ?? 0, returned, loan.ReturnCondition ?? string.Empty, loan.AccessoriesComplete ?? false, loan.DataWiped ?? false, loan.Damaged ?? false, loan.InspectionNotes, loan.RepairId)
            : null;
        return new(
            loan.Id, loan.Code, loan.AssetId, loan.BorrowerPersonId, loan.DepartmentId, loan.LentAt, loan.LentById, loan.DueAt,
            loan.ConditionOut, loan.Accessories, loan.IsOpen, loan.IsOverdueAt(now), loan.ReturnedAt, inspection, loan.Version);
    }
}

/// <summary>A reservation as the API returns it.</summary>
public sealed record ReservationDto(long Id, long AssetId, long PersonId, long DepartmentId, DateTime From, DateTime Until, string Purpose, bool Active, DateTime CreatedAt, long CreatedById, DateTime? CancelledAt, long Version)
{
    public static ReservationDto Of(AssetReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return new(
            reservation.Id, reservation.AssetId, reservation.PersonId, reservation.DepartmentId, reservation.StartsAt, reservation.EndsAt, reservation.Purpose,
            reservation.IsActive, reservation.CreatedAt, reservation.CreatedById, reservation.CancelledAt, reservation.Version);
    }
}
