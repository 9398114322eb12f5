using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// Reservations of devices for a future window (EQ-03). A staff member reserves for themselves,
/// a holder of <see cref="AssetsPermissions.Loan"/> (IT) for anyone; a window overlapping another
/// active reservation or an open loan of the device is refused (409 <c>asset.reservation.conflict</c>),
/// windows that only touch are not. The asset's row is locked first, so of two overlapping
/// reservations made at once only one lands. Cancelled by the person or IT, never deleted.
/// </summary>
public sealed class ReservationService(
    XinkeDb db, AssetRegister register, AssetHistory history, PeopleDirectory people, DepartmentScope scope, CurrentCaller current, TimeProvider clock)
{
    /// <summary>The reservations the caller reaches: those of departments in scope of <see cref="AssetsPermissions.Read"/> (all for IT) and their own.</summary>
    public async Task<IQueryable<AssetReservation>> VisibleAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var reservations = db.Set<AssetReservation>().AsNoTracking();
        var departments = await scope.DepartmentsAsync(AssetsPermissions.Read, cancellationToken);
        if (departments is null)
        {
            return reservations;
        }

        var own = caller?.Account.PersonId;
        return reservations.Where(r => departments.Contains(r.DepartmentId) || (own != null && r.PersonId == own));
    }

    public async Task<Result<AssetReservation>> ReserveAsync(long assetId, ReservationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A reservation needs a signed-in caller.");
        var now = clock.GetUtcNow().UtcDateTime;
        var lender = caller.Has(AssetsPermissions.Loan);
        var personId = input.PersonId ?? caller.Account.PersonId;
        if (personId is not { } person)
        {
            return Error.Invalid(LoanErrors.UnknownPerson, "personId");
        }

        if (!lender && person != caller.Account.PersonId)
        {
            return Error.Forbidden(LoanErrors.ReservationForOthers);
        }

        if (input.From is not { } fromInput)
        {
            return Error.Invalid(LoanErrors.InvalidWindow, "from");
        }

        if (input.Until is not { } untilInput || untilInput <= fromInput || untilInput.UtcDateTime <= now)
        {
            return Error.Invalid(LoanErrors.InvalidWindow, "until");
        }

        var purpose = input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > AssetReservation.PurposeMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidPurpose, "purpose", AssetReservation.PurposeMaxLength);
        }

        var holder = await people.FindAsync(person, cancellationToken);
        if (holder is null || holder.Status == PersonStatus.Left)
        {
            return Error.Invalid(LoanErrors.UnknownPerson, "personId");
        }

        var from = fromInput.UtcDateTime;
        var until = untilInput.UtcDateTime;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await AssetLock.TakeAsync(db, assetId, cancellationToken);
            var loaded = await register.LoadForChangeAsync(assetId, lender ? AssetsPermissions.Loan : AssetsPermissions.Borrow, cancellationToken);
            if (!loaded.Succeeded)
            {
                return loaded.Error!;
            }

            var asset = loaded.Value!;
            if (asset.Status is AssetStatus.AwaitingScrapping or AssetStatus.Scrapped)
            {
                return Error.Conflict(LoanErrors.NotAvailable, LoanErrors.Requirement, asset.Tag);
            }

            var reserved = await db.Set<AssetReservation>().AnyAsync(r => r.AssetId == assetId && r.CancelledAt == null && r.StartsAt < until && from < r.EndsAt, cancellationToken);

            // An open loan holds the device until its due time; once overdue, until it is back, which nobody can date.
            var lent = await db.Set<AssetLoan>().AnyAsync(l => l.AssetId == assetId && l.ReturnedAt == null && l.LentAt < until && (from < l.DueAt || l.DueAt < now), cancellationToken);
            if (reserved || lent)
            {
                return Error.Conflict(LoanErrors.ReservationConflict, LoanErrors.Requirement);
            }

            var reservation = new AssetReservation
            {
                AssetId = assetId,
                PersonId = person,
                DepartmentId = holder.DepartmentId,
                StartsAt = from,
                EndsAt = until,
                Purpose = purpose,
                CreatedAt = now,
                CreatedById = caller.Id,
            };
            db.Add(reservation);
            await db.SaveChangesAsync(cancellationToken);
            history.Record(assetId, AssetEventKind.Reservation, string.Create(CultureInfo.InvariantCulture, $"预约给 {holder.Name}（{holder.EmployeeNumber}）：{from:yyyy-MM-dd HH:mm}Z 至 {until:yyyy-MM-dd HH:mm}Z；{purpose}"), caller.Id, "reservation", reservation.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetReservation>.Success(reservation);
        }, cancellationToken);
    }

    /// <summary>Cancels a reservation: by its person, or by a holder of <see cref="AssetsPermissions.Loan"/> in scope of the asset.</summary>
    public async Task<Result<AssetReservation>> CancelAsync(long id, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A cancellation needs a signed-in caller.");
        var reservation = await (await VisibleAsync(cancellationToken)).AsTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reservation is null)
        {
            return Error.NotFound(LoanErrors.ReservationNotFound);
        }

        var own = caller.Account.PersonId == reservation.PersonId;
        if (!own && (!caller.Has(AssetsPermissions.Loan) || !(await register.LoadForChangeAsync(reservation.AssetId, AssetsPermissions.Loan, cancellationToken)).Succeeded))
        {
            return Error.Forbidden(LoanErrors.ReservationNotYours);
        }

        if (!reservation.IsActive)
        {
            return Error.Conflict(LoanErrors.ReservationCancelled, LoanErrors.Requirement);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            reservation.CancelledAt = now;
            reservation.CancelledById = caller.Id;
            history.Record(reservation.AssetId, AssetEventKind.Reservation, string.Create(CultureInfo.InvariantCulture, $"取消预约：{reservation.StartsAt:yyyy-MM-dd HH:mm}Z 至 {reservation.EndsAt:yyyy-MM-dd HH:mm}Z"), caller.Id, "reservation", reservation.Id);
            await db.SaveChangesAsync(cancellationToken);
            return Result<AssetReservation>.Success(reservation);
        }, cancellationToken);
    }
}
