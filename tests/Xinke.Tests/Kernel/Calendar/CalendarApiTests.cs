using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Calendar;

/// <summary>The IT director adds a holiday year through the API; the running calendars observe it at once.</summary>
public abstract class CalendarApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : CalendarApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : CalendarApiTests(DatabaseKind.Postgres);

    private static readonly object Year2027 = new
    {
        holidays = new object[]
        {
            new { name = "元旦", off = new[] { "2027-01-01", "2027-01-02", "2027-01-03" } },
            new { name = "春节", off = new[] { "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11" } },
        },
        workingDays = new[] { "2027-02-13" },
    };

    /// <summary>2028-01-01 both off and worked.</summary>
    private static readonly object BrokenYear = new { holidays = new[] { new { name = "元旦", off = new[] { "2028-01-01" } } }, workingDays = new[] { "2028-01-01" } };

    [Fact]
    public async Task A_year_added_by_the_director_changes_working_time_without_a_restart()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var calendars = App.Services.GetRequiredService<BusinessCalendars>();
        var before = await calendars.GetAsync(BusinessCalendars.Office, Cancel);
        Assert.True(before.IsWorkingDay(new DateOnly(2027, 2, 8)));

        var saved = await SendAsync(director, HttpMethod.Put, "/api/v1/calendar/years/2027", Year2027);

        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);
        var office = await calendars.GetAsync(BusinessCalendars.Office, Cancel);

        // Fri 2027-02-12 16:00 + 8 working hours: 1.5 h that day; Sat 02-13 is a make-up day: 7.5 h (9 h) -> the 8th hour ends at 16:30 that Saturday.
        var beijing = TimeSpan.FromHours(8);
        Assert.Equal(new DateTimeOffset(2027, 2, 13, 16, 30, 0, beijing), office.Add(new DateTimeOffset(2027, 2, 12, 16, 0, 0, beijing), TimeSpan.FromHours(8)));

        // Thu 2027-02-04 16:00 + 8 h: 1.5 h; 02-05..02-11 off (春节); Fri 02-12 08:00–12:00 (5.5 h), 14:00 + 2.5 h = 16:30.
        Assert.Equal(new DateTimeOffset(2027, 2, 12, 16, 30, 0, beijing), office.Add(new DateTimeOffset(2027, 2, 4, 16, 0, 0, beijing), TimeSpan.FromHours(8)));

        var listed = await director.GetFromJsonAsync<JsonElement>("/api/v1/calendar/years", Cancel);
        Assert.Equal("Asia/Shanghai", listed.GetProperty("timeZone").GetString());
        Assert.Equal([2025, 2026, 2027], listed.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.True(listed.GetProperty("years")[2].GetProperty("stored").GetBoolean());
    }

    [Fact]
    public async Task Replacing_a_stored_year_needs_its_version_and_a_broken_year_is_refused()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(director, HttpMethod.Put, "/api/v1/calendar/years/2027", Year2027)).StatusCode);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(director, HttpMethod.Put, "/api/v1/calendar/years/2027", Year2027)).StatusCode);
        var broken = await SendAsync(director, HttpMethod.Put, "/api/v1/calendar/years/2028", BrokenYear);
        var problem = await Problems.ReadAsync(broken, HttpStatusCode.BadRequest);
        Assert.Equal(CalendarErrors.DateTwice, problem.Code);
        Assert.Contains("2028-01-01", problem.Detail, StringComparison.Ordinal);
    }
}
