using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Calendar;

public sealed record HolidayYearDto(int Year, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> WorkingDays, bool Stored, bool Shipped, long? Version, DateTime? UpdatedAt)
{
    public static HolidayYearDto From(HolidayYearView v) => new(v.Year.Year, v.Year.Holidays, v.Year.WorkingDays, v.Stored, v.Shipped, v.Version, v.UpdatedAt);
}

public sealed record HolidayYearsDto(string TimeZone, IReadOnlyList<HolidayYearDto> Years);

public sealed record HolidayYearInput(IReadOnlyList<Holiday>? Holidays, IReadOnlyList<DateOnly>? WorkingDays);

/// <summary>The business calendar's holiday years: <c>/api/v1/calendar/years</c>.</summary>
public static class CalendarApi
{
    public static WebApplication MapCalendarApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var years = app.MapGroup("/api/v1/calendar/years").WithTags("Calendar");
        years.MapGet("/", ListAsync).RequirePermission(CalendarPermissions.Read).WithName("ListHolidayYears").WithSummary("The holiday years the calendars observe (shipped and stored) and the hospital's time zone.");
        years.MapPut("/{year:int}", PutAsync).RequirePermission(CalendarPermissions.Write).WithName("PutHolidayYear").WithSummary("Store a year's statutory holidays and make-up working days (If-Match to replace a stored year).");
        return app;
    }

    private static async Task<Ok<HolidayYearsDto>> ListAsync(HolidayYears years, IOptions<HospitalOptions> hospital, CancellationToken cancellationToken) =>
        TypedResults.Ok(new HolidayYearsDto(hospital.Value.TimeZone, [.. (await years.ListAsync(cancellationToken)).Select(HolidayYearDto.From)]));

    private static async Task<Results<Ok<HolidayYearDto>, ProblemHttpResult>> PutAsync(int year, HolidayYearInput input, HolidayYears years, Xinke.Data.XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        // A new year needs no If-Match; replacing a stored one must name the version it replaces.
        var saved = await years.SaveAsync(year, input.Holidays, input.WorkingDays, row => row is null ? null : Versioning.Expect(http.Request, db.Entry(row)), cancellationToken);
        if (!saved.Succeeded)
        {
            return ApiProblems.From(http, saved.Error!);
        }

        Versioning.SetETag(http.Response, saved.Value!.Version!.Value);
        return TypedResults.Ok(HolidayYearDto.From(saved.Value));
    }
}
