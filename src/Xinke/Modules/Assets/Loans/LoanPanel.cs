using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>What the loans section of an asset's page shows: the open loan, recent loans, reservations, and which forms the reader may use.</summary>
public sealed record AssetLoansView(
    long AssetId, bool Available, AssetLoan? OpenLoan, IReadOnlyList<AssetLoan> Loans, IReadOnlyList<AssetReservation> Reservations,
    IReadOnlyDictionary<long, PersonSummary> People, bool CanLend, bool CanReserve, bool CanReserveForOthers, long? OwnPersonId, DateTime Now);

/// <summary>
/// Builds the loans section of an asset's page and reads the forms' local times: the pages take
/// times in the hospital's zone (a <c>datetime-local</c> field has no offset).
/// </summary>
public sealed class LoanPanel(LoanService loans, ReservationService reservations, AssetRegister register, PeopleDirectory people, CurrentCaller current, HospitalClock hospital, TimeProvider clock)
{
    /// <summary>The asset as the reader reaches it: through the register's scope, or, for staff who do not read the register, the scope of borrowing.</summary>
    public async Task<Asset?> FindAssetAsync(long assetId, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var permission = caller?.Has(AssetsPermissions.Read) == true ? AssetsPermissions.Read : AssetsPermissions.Borrow;
        return await (await register.VisibleAsync(permission, cancellationToken)).SingleOrDefaultAsync(a => a.Id == assetId, cancellationToken);
    }

    public async Task<AssetLoansView?> ForAsync(long assetId, CancellationToken cancellationToken)
    {
        var asset = await FindAssetAsync(assetId, cancellationToken);
        if (asset is null)
        {
            return null;
        }

        var caller = await current.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await (await loans.VisibleAsync(cancellationToken)).Where(l => l.AssetId == assetId).OrderByDescending(l => l.Id).Take(10).ToListAsync(cancellationToken);
        var upcoming = await (await reservations.VisibleAsync(cancellationToken)).Where(r => r.AssetId == assetId && r.CancelledAt == null && r.EndsAt > now).OrderBy(r => r.StartsAt).Take(20).ToListAsync(cancellationToken);
        var personIds = recent.Select(l => l.BorrowerPersonId).Concat(upcoming.Select(r => r.PersonId)).Distinct().ToList();
        var named = (await people.FindManyAsync(personIds, cancellationToken)).ToDictionary(p => p.Id);
        return new AssetLoansView(
            assetId, asset.IsAvailable, recent.FirstOrDefault(l => l.IsOpen), recent, upcoming, named,
            caller?.Has(AssetsPermissions.Loan) == true, caller?.Has(AssetsPermissions.Borrow) == true && !asset.IsScrapped,
            caller?.Has(AssetsPermissions.Loan) == true, caller?.Account.PersonId, now);
    }

    /// <summary>A form's hospital-local time as an instant; null stays null.</summary>
    public DateTimeOffset? FromLocal(DateTime? local) =>
        local is { } time ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), hospital.Zone), TimeSpan.Zero) : null;

    /// <summary>An instant as the hospital-local text a page shows.</summary>
    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
