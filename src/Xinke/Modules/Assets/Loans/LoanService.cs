using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>A check a change of a loan must pass first, such as If-Match.</summary>
public delegate Error? LoanPrecondition(AssetLoan loan);

/// <summary>
/// Loans and returns (EQ-03), one transaction per use case, each on the asset's timeline. A loan
/// takes a device from the store (InStock → OnLoan) unless someone else holds a reservation over
/// its window; a return closes the loan with IT's inspection and sends the device back to the store,
/// or to a repair opened through <see cref="RepairService"/> when it came back damaged.
/// </summary>
public sealed class LoanService(
    XinkeDb db, AssetRegister register, AssetHistory history, RepairService repairs, PeopleDirectory people, DepartmentScope scope, HumanCodes codes, CurrentCaller current, TimeProvider clock)
{
    /// <summary>
    /// The loans the caller reaches: with <see cref="AssetsPermissions.Read"/> those of the
    /// borrowers' departments in scope (all for IT), and always the caller's own.
    /// </summary>
    public async Task<IQueryable<AssetLoan>> VisibleAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var loans = db.Set<AssetLoan>().AsNoTracking();
        var departments = await scope.DepartmentsAsync(AssetsPermissions.Read, cancellationToken);
        if (departments is null)
        {
            return loans;
        }

        var own = caller?.Account.PersonId;
        return loans.Where(l => departments.Contains(l.DepartmentId) || (own != null && l.BorrowerPersonId == own));
    }

    public async Task<AssetLoan?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);

    /// <summary>
    /// Lends a device. Refused when it is not in the store (409 <c>asset.loan.not_available</c>) or
    /// when the window up to the due time falls into another person's reservation (409
    /// <c>asset.reservation.conflict</c>); a due time that is not in the future is 400.
    /// </summary>
    public async Task<Result<AssetLoan>> LendAsync(long assetId, LoanInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        if (input.BorrowerPersonId is not { } borrowerId)
        {
            return Error.Invalid(LoanErrors.UnknownBorrower, "borrowerPersonId");
        }

        if (input.Due is not { } dueInput || dueInput.UtcDateTime <= now)
        {
            return Error.Invalid(LoanErrors.InvalidDue, "due");
        }

        var condition = input.Condition?.Trim();
        if (string.IsNullOrEmpty(condition) || condition.Length > AssetLoan.TextMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidCondition, "condition", AssetLoan.TextMaxLength);
        }

        var accessories = string.IsNullOrWhiteSpace(input.Accessories) ? null : input.Accessories.Trim();
        if (accessories?.Length > AssetLoan.TextMaxLength)
        {
            return Error.Invalid(LoanErrors.InvalidText, "accessories", AssetLoan.TextMaxLength);
        }

        var borrower = await people.FindAsync(borrowerId, cancellationToken);
        if (borrower is null || borrower.Status == PersonStatus.Left)
        {
            return Error.Invalid(LoanErrors.UnknownBorrower, "borrowerPersonId");
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A loan needs a signed-in caller.");
        var due = dueInput.UtcDateTime;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await AssetLock.TakeAsync(db, assetId, cancellationToken);
            var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Loan, cancellationToken);
            if (!loaded.Succeeded)
            {
                return loaded.Error!;
            }

            var asset = loaded.Value!;
            if (!asset.IsAvailable)
            {
                return Error.Conflict(LoanErrors.NotAvailable, LoanErrors.Requirement, asset.Tag);
            }

            return await OpenAsync(asset, borrower, due, condition, accessories, caller.Id, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Opens the loan of a device its use case has just taken from the store, inside that use case's
    /// transaction: lending at the desk, or fulfilling a device request for a limited time (EQ-02/EQ-03),
    /// so either way the device comes back only through the return inspection. Call it before the use
    /// case hands the device to the borrower: the loan keeps the owner, person and place it has now
    /// and the return gives them back.
    /// </summary>
    internal async Task<Result<AssetLoan>> OpenAsync(
        Asset asset, PersonSummary borrower, DateTime due, string condition, string? accessories, long lentById, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(borrower);
        var reserved = await db.Set<AssetReservation>().AsNoTracking()
            .AnyAsync(r => r.AssetId == asset.Id && r.PersonId != borrower.Id && r.CancelledAt == null && r.StartsAt < due && now < r.EndsAt, cancellationToken);
        if (reserved)
        {
            return Error.Conflict(LoanErrors.ReservationConflict, LoanErrors.Requirement);
        }

        if (asset.SetStatus(AssetStatus.OnLoan) is { } refused)
        {
            return refused;
        }

        var loan = new AssetLoan
        {
            Code = await codes.NextAsync(AssetLoan.CodeKind, cancellationToken),
            AssetId = asset.Id,
            BorrowerPersonId = borrower.Id,
            DepartmentId = borrower.DepartmentId,
            LentAt = now,
            LentById = lentById,
            DueAt = due,
            ConditionOut = condition,
            Accessories = accessories,
        };
        loan.RememberHome(asset);
        asset.UpdatedAt = now;
        db.Add(loan);
        await db.SaveChangesAsync(cancellationToken);
        var text = string.Create(CultureInfo.InvariantCulture, $"借出 {loan.Code} 给 {borrower.Name}（{borrower.EmployeeNumber}），应还 {due:yyyy-MM-dd HH:mm}Z；外观：{condition}；附件：{accessories ?? "无"}");
        history.Record(asset.Id, AssetEventKind.Loan, text, lentById, "loan", loan.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Result<AssetLoan>.Success(loan);
    }

    /// <summary>
    /// Closes a loan with its inspection (EQ-03): by a holder of <see cref="AssetsPermissions.Loan"/>
    /// other than the borrower; a device holding data must come back wiped; a damaged one goes to a
    /// repair with the inspection notes as its fault, any other back to the store.
    /// </summary>
    public async Task<Result<AssetLoan>> ReturnAsync(long id, ReturnInput? input, LoanPrecondition? precondition, CancellationToken cancellationToken)
    {
        var loanAssetId = await db.Set<AssetLoan>().Where(l => l.Id == id).Select(l => (long?)l.AssetId).SingleOrDefaultAsync(cancellationToken);
        if (loanAssetId is not { } assetId)
        {
            return Error.NotFound(LoanErrors.NotFound);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A return needs a signed-in caller.");
        var now = clock.GetUtcNow().UtcDateTime;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            await AssetLock.TakeAsync(db, assetId, cancellationToken);
            var loaded = await register.LoadForChangeAsync(assetId, AssetsPermissions.Loan, cancellationToken);
            if (!loaded.Succeeded)
            {
                return Error.NotFound(LoanErrors.NotFound);
            }

            var asset = loaded.Value!;
            var loan = await db.Set<AssetLoan>().SingleAsync(l => l.Id == id, cancellationToken);
            if (precondition?.Invoke(loan) is { } failed)
            {
                return failed;
            }

            if (!loan.IsOpen)
            {
                return Error.Conflict(LoanErrors.Closed, LoanErrors.Requirement);
            }

            var inspection = ReturnInspection.From(input);
            if (!inspection.Succeeded)
            {
                return inspection.Error!;
            }

            return await CloseAsync(loan, asset, inspection.Value!, caller.Id, caller.Account.PersonId, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Closes <paramref name="loan"/> of the tracked <paramref name="asset"/> with its inspection inside
    /// the use case's transaction (the return at the desk, or the demo's returns): the device goes back
    /// to the department, person and place it had before it went out, then to the store, or to a
    /// repair when it came back damaged.
    /// </summary>
    internal async Task<Result<AssetLoan>> CloseAsync(
        AssetLoan loan, Asset asset, ReturnInspection inspection, long inspectorId, long? inspectorPersonId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(inspection);
        if (loan.Close(inspection, inspectorId, inspectorPersonId, asset.HoldsData, now) is { } refused)
        {
            return refused;
        }

        var home = loan.SendHome(asset);
        if (!home.Succeeded)
        {
            return home.Error!;
        }

        var checks = string.Create(CultureInfo.InvariantCulture, $"归还验收 {loan.Code}：外观 {inspection.Condition}；附件{(inspection.AccessoriesComplete ? "齐全" : "不全")}；数据{(inspection.DataWiped ? "已清除" : "未清除")}；{(inspection.Damaged ? "有损坏" : "无损坏")}");
        history.Record(asset.Id, AssetEventKind.Return, inspection.Notes is { } notes ? $"{checks}。{notes}" : checks, inspectorId, "loan", loan.Id);
        if (home.Value)
        {
            history.Record(asset.Id, AssetEventKind.Assigned, await HomeTextAsync(loan, cancellationToken), inspectorId, "loan", loan.Id);
        }

        if (inspection.Damaged)
        {
            var repair = await repairs.RecordAsync(new RepairInput(asset.Id, inspection.Notes, nameof(RepairKind.InHouse), null, null, null, null, null, null), loan.Id, cancellationToken);
            if (!repair.Succeeded)
            {
                return repair.Error!;
            }

            loan.RepairId = repair.Value!.Id;
        }
        else if (asset.SetStatus(AssetStatus.InStock) is { } statusRefused)
        {
            return statusRefused;
        }

        asset.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Result<AssetLoan>.Success(loan);
    }

    /// <summary>The timeline's line for a device given back to where it belonged: department, responsible person, place.</summary>
    private async Task<string> HomeTextAsync(AssetLoan loan, CancellationToken cancellationToken)
    {
        var department = await db.Set<Department>().AsNoTracking().Where(d => d.Id == loan.HomeDepartmentId).Select(d => d.Name).SingleAsync(cancellationToken);
        var person = loan.HomeResponsiblePersonId is { } personId ? await people.FindAsync(personId, cancellationToken) : null;
        var location = loan.HomeLocation;
        return $"归还 {loan.Code} 后交回借出前的归属：{department}；责任人 {(person is null ? "无" : $"{person.Name}（{person.EmployeeNumber}）")}；位置 {(location.IsEmpty ? "未登记" : location.Text)}";
    }
}
