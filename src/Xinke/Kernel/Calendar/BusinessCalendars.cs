namespace Xinke.Kernel.Calendar;

/// <summary>
/// The calendars of the installation: the office calendar (Monday–Friday 08:00–12:00 and
/// 14:00–17:30, observing statutory holidays and make-up working days) and 7x24 for critical
/// systems. The holiday years are the shipped ones merged with those the IT director stored
/// (a stored year replaces a shipped one of the same number).
/// </summary>
/// <remarks>
/// Stored years are reloaded when this instance saves one (<see cref="Invalidate"/>) and, for
/// the other instances of a scaled-out installation, at most <see cref="StoredYearsExpiry"/>
/// after the last load: a new year's notice comes out weeks ahead of the year, so a minute of
/// delay costs nothing. <see cref="GetAsync"/> refreshes as needed; the indexer answers from
/// the last load without touching the database.
/// </remarks>
public sealed class BusinessCalendars
{
    public const string Office = "office";
    public const string AroundTheClock = "7x24";

    public static readonly TimeSpan StoredYearsExpiry = TimeSpan.FromMinutes(1);

    private static readonly IReadOnlyList<WorkingPeriod> OfficeHours = [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(14, 0), new TimeOnly(17, 30))];

    private readonly HospitalClock clock;
    private readonly IStoredHolidayYears? stored;
    private readonly TimeProvider time;
    private volatile Snapshot current;

    /// <summary>Calendars over the shipped years and, when <paramref name="stored"/> is given, the stored ones.</summary>
    public BusinessCalendars(HospitalClock clock, IStoredHolidayYears? stored = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.clock = clock;
        this.stored = stored;
        this.time = time ?? TimeProvider.System;
        current = Build(HolidayTable.Shipped(), loadedAt: null);
    }

    public HolidayTable Holidays => current.Holidays;

    public BusinessCalendar this[string code] => current.Calendars.TryGetValue(code, out var calendar)
        ? calendar
        : throw new KeyNotFoundException($"No calendar '{code}'.");

    /// <summary>The calendar, with the stored holiday years loaded if they were never loaded or have expired.</summary>
    public async Task<BusinessCalendar> GetAsync(string code, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        return this[code];
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (stored is null || !Expired(current))
        {
            return;
        }

        // Two requests may reload at once after expiry; both read the same rows, so either snapshot is right.
        var now = time.GetUtcNow();
        var years = HolidayTable.ShippedYears().ToDictionary();
        foreach (var year in await stored.LoadAsync(cancellationToken))
        {
            years[year.Year] = year;
        }

        current = Build(HolidayTable.Of(years.Values), now);
    }

    /// <summary>Forgets the stored years loaded so far: the next <see cref="GetAsync"/> reads them again.</summary>
    public void Invalidate() => current = current with { LoadedAt = null };

    private bool Expired(Snapshot snapshot) => snapshot.LoadedAt is not { } at || time.GetUtcNow() - at >= StoredYearsExpiry;

    private Snapshot Build(HolidayTable holidays, DateTimeOffset? loadedAt) => new(
        holidays,
        new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal)
        {
            [Office] = new(Office, OfficeHours, holidays, clock.Zone),
            [AroundTheClock] = new(AroundTheClock, [new(TimeOnly.MinValue, TimeOnly.MaxValue)], null, clock.Zone),
        },
        loadedAt);

    private sealed record Snapshot(HolidayTable Holidays, IReadOnlyDictionary<string, BusinessCalendar> Calendars, DateTimeOffset? LoadedAt);
}

/// <summary>The holiday years the IT director stored in the database.</summary>
public interface IStoredHolidayYears
{
    Task<IReadOnlyList<HolidayYear>> LoadAsync(CancellationToken cancellationToken);
}
