using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Calendar;

/// <summary>A year as the calendars use it: shipped with the product or stored by the IT director.</summary>
public sealed record HolidayYearView(HolidayYear Year, bool Stored, bool Shipped, long? Version, DateTime? UpdatedAt);

/// <summary>The IT director's holiday years: listed with the shipped ones, validated, stored, and seen by the calendars at once.</summary>
public sealed class HolidayYears(XinkeDb db, BusinessCalendars calendars, TimeProvider clock, CurrentCaller current)
{
    public async Task<IReadOnlyList<HolidayYearView>> ListAsync(CancellationToken cancellationToken)
    {
        var shipped = HolidayTable.ShippedYears();
        var stored = await db.Set<StoredHolidayYear>().AsNoTracking().ToListAsync(cancellationToken);
        var views = shipped.Values.Where(y => stored.All(s => s.Year != y.Year)).Select(y => new HolidayYearView(y, false, true, null, null))
            .Concat(stored.Select(s => new HolidayYearView(s.ToHolidayYear(), true, shipped.ContainsKey(s.Year), s.Version, s.UpdatedAt)));
        return [.. views.OrderBy(v => v.Year.Year)];
    }

    public async Task<HolidayYearView?> FindAsync(int year, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(v => v.Year.Year == year);

    /// <summary>
    /// Stores (or replaces) a year; <paramref name="precondition"/> sees the stored row when there
    /// is one (an edit of a stored year must name its version). The calendars reload at once.
    /// </summary>
    public async Task<Result<HolidayYearView>> SaveAsync(int year, IReadOnlyList<Holiday>? holidays, IReadOnlyList<DateOnly>? workingDays, Func<StoredHolidayYear?, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        var checkedYear = HolidayYearRules.Check(year, holidays, workingDays);
        if (!checkedYear.Succeeded)
        {
            return checkedYear.Error!;
        }

        var row = await db.Set<StoredHolidayYear>().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (precondition(row) is { } failed)
        {
            return failed;
        }

        var caller = await current.GetAsync(cancellationToken);
        var saved = await AmbientTransaction.RunAsync(db, async () =>
        {
            if (row is null)
            {
                row = new StoredHolidayYear { Year = year, Content = string.Empty };
                db.Add(row);
            }

            row.Content = StoredHolidayYear.Serialize(checkedYear.Value!);
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            row.UpdatedById = caller?.Id;
            await db.SaveChangesAsync(cancellationToken);
            return Result<StoredHolidayYear>.Success(row);
        }, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Error!;
        }

        calendars.Invalidate();
        await calendars.RefreshAsync(cancellationToken);
        var stored = saved.Value!;
        return new HolidayYearView(checkedYear.Value!, true, HolidayTable.ShippedYears().ContainsKey(year), stored.Version, stored.UpdatedAt);
    }
}

/// <summary>Reads the stored years for the singleton calendars, each time in a scope of its own.</summary>
public sealed class StoredHolidayYears(IServiceScopeFactory scopes) : IStoredHolidayYears
{
    public async Task<IReadOnlyList<HolidayYear>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<XinkeDb>().Set<StoredHolidayYear>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToHolidayYear())];
    }
}
