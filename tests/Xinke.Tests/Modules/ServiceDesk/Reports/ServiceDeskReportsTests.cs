using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Reports;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;
using static Xinke.Tests.Modules.ServiceDesk.TicketRecords;

namespace Xinke.Tests.Modules.ServiceDesk.Reports;

/// <summary>
/// OPS-07: the reports show whether problems are received and resolved promptly. Six tickets with
/// known times; every expected figure is worked out in the comments.
/// </summary>
public abstract class ServiceDeskReportsTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : ServiceDeskReportsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ServiceDeskReportsTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task March_volume_sla_attainment_backlog_and_engineers_are_counted_from_the_stored_columns()
    {
        var (a, b) = await SeedAsync();
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        var report = await client.GetFromJsonAsync<JsonElement>("/api/v1/servicedesk/reports?from=2026-03-01&to=2026-03-31", Cancel);

        // Opened in March: three faults (T1, T2, T5), one request (T3), one question (T4); T6 is February's.
        var volume = report.GetProperty("volume").EnumerateArray().Select(v => $"{v.GetProperty("periodStart").GetString()} {v.GetProperty("kind").GetString()} {v.GetProperty("count").GetInt32()}");
        Assert.Equal(["2026-03-01 fault 3", "2026-03-01 serviceRequest 1", "2026-03-01 question 1"], volume);

        // P2: T1 and T2 both answered in time (100 %), T2's resolution breached (1 of 2 = 50 %).
        // P3: T3 answered in time, T4 late, T5 not yet answered (1 of 2 = 50 %); T3 resolved in time (100 %).
        var sla = report.GetProperty("sla").EnumerateArray().ToDictionary(s => s.GetProperty("priority").GetString()!.ToUpperInvariant());
        Assert.Equal(2, sla["P2"].GetProperty("tickets").GetInt32());
        Assert.Equal(100.0, sla["P2"].GetProperty("responseMetPercent").GetDouble());
        Assert.Equal(50.0, sla["P2"].GetProperty("resolutionMetPercent").GetDouble());
        Assert.Equal(3, sla["P3"].GetProperty("tickets").GetInt32());
        Assert.Equal(50.0, sla["P3"].GetProperty("responseMetPercent").GetDouble());
        Assert.Equal(100.0, sla["P3"].GetProperty("resolutionMetPercent").GetDouble());

        // Open on 03-31 00:00Z: T5 four hours old, T4 about 21 days, T6 39 days.
        var backlog = report.GetProperty("backlog").EnumerateArray().Select(x => x.GetProperty("count").GetInt32());
        Assert.Equal([1, 0, 0, 1, 1], backlog);

        // Engineer A resolved T1 in 4 h, T3 in 10 h, T2 in 24 h: median 10 h; rated 5 and 3: mean 4.
        var engineers = report.GetProperty("engineers").EnumerateArray().ToList();
        Assert.Equal([a, b], engineers.Select(e => e.GetProperty("accountId").GetInt64()));
        Assert.Equal(3, engineers[0].GetProperty("handled").GetInt32());
        Assert.Equal(3, engineers[0].GetProperty("resolved").GetInt32());
        Assert.Equal(10.0, engineers[0].GetProperty("medianResolutionHours").GetDouble());
        Assert.Equal(4.0, engineers[0].GetProperty("meanRating").GetDouble());
        Assert.Equal(JsonValueKind.Null, engineers[1].GetProperty("medianResolutionHours").ValueKind);

        // T1 and T2 name system 7, T3 system 8.
        Assert.Equal([(7L, 2), (8L, 1)], report.GetProperty("topSystems").EnumerateArray().Select(s => (s.GetProperty("id").GetInt64(), s.GetProperty("count").GetInt32())));
    }

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task Weeks_split_the_same_tickets_and_a_bad_period_or_a_staff_member_is_refused()
    {
        await SeedAsync();
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));

        var weekly = await client.GetFromJsonAsync<JsonElement>("/api/v1/servicedesk/reports?from=2026-03-01&to=2026-03-31&by=week", Cancel);

        // 03-01 is a Sunday: its week starts on Monday 02-23 but counts from 03-01 only.
        var weeks = weekly.GetProperty("volume").EnumerateArray().GroupBy(v => v.GetProperty("periodStart").GetString()).ToDictionary(g => g.Key!, g => g.Sum(v => v.GetProperty("count").GetInt32()));
        Assert.Equal(new Dictionary<string, int> { ["2026-03-02"] = 3, ["2026-03-09"] = 1, ["2026-03-30"] = 1 }, weeks);
        Assert.Equal(ServiceDeskReports.InvalidPeriod, (await Problems.ReadAsync(await client.GetAsync("/api/v1/servicedesk/reports?from=2026-03-31&to=2026-03-01", Cancel), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(ServiceDeskReports.InvalidPeriod, (await Problems.ReadAsync(await client.GetAsync("/api/v1/servicedesk/reports?from=2025-01-01&to=2026-03-01", Cancel), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/servicedesk/reports", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_page_draws_svg_bars_without_inline_styles_and_the_export_lists_the_figures()
    {
        await SeedAsync();
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));

        var page = await client.GetStringAsync("/servicedesk/reports?from=2026-03-01&to=2026-03-31", Cancel);
        var csv = await client.GetStringAsync("/api/v1/servicedesk/reports/export?from=2026-03-01&to=2026-03-31&format=csv", Cancel);

        Assert.Contains("<rect class=\"bar\"", page, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"bar breached\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
        Assert.Contains("engineer.median_resolution_hours", csv, StringComparison.Ordinal);
        Assert.Contains("gt30d", csv, StringComparison.Ordinal);
    }

    /// <summary>Engineers A and B and six tickets; the clock is then set to 2026-03-31 00:00Z.</summary>
    private async Task<(long A, long B)> SeedAsync()
    {
        var a = (await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer)).Id;
        var b = (await CreateUserAsync("li.gong", BuiltInRoles.ItEngineer)).Id;
        await App.WithDbAsync(async db =>
        {
            await AddAsync(db, "GD-2026-000001", TicketKind.Fault, t => Shape(t, TicketPriority.P2, a, Utc(3, 2, 1, 30), Utc(3, 2, 5), false, false, 5, 7), (Utc(3, 2, 1), TicketStatus.New, null), (Utc(3, 2, 5), TicketStatus.Resolved, a));
            await AddAsync(db, "GD-2026-000002", TicketKind.Fault, t => Shape(t, TicketPriority.P2, a, Utc(3, 3, 2), Utc(3, 4, 1), false, true, 3, 7), (Utc(3, 3, 1), TicketStatus.New, null), (Utc(3, 4, 1), TicketStatus.Resolved, a));
            await AddAsync(db, "GD-2026-000003", TicketKind.ServiceRequest, t => Shape(t, TicketPriority.P3, a, Utc(3, 4, 2), Utc(3, 4, 11), false, false, null, 8), (Utc(3, 4, 1), TicketStatus.New, null), (Utc(3, 4, 11), TicketStatus.Resolved, a));
            await AddAsync(db, "GD-2026-000004", TicketKind.Question, t => Shape(t, TicketPriority.P3, b, Utc(3, 10, 9), null, true, false, null, null), (Utc(3, 10, 1), TicketStatus.New, null), (Utc(3, 10, 9), TicketStatus.InProgress, b));
            await AddAsync(db, "GD-2026-000005", TicketKind.Fault, t => t.Priority = TicketPriority.P3, (Utc(3, 30, 20), TicketStatus.New, null));
            return await AddAsync(db, "GD-2026-000006", TicketKind.Feedback, t => t.Priority = TicketPriority.P4, (Utc(2, 20, 1), TicketStatus.New, null));
        });
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));
        return (a, b);
    }

    private static void Shape(Ticket t, TicketPriority priority, long assignee, DateTime responded, DateTime? resolved, bool responseBreached, bool resolutionBreached, int? rating, long? system)
    {
        t.Priority = priority;
        t.AssigneeAccountId = assignee;
        t.RespondedAt = responded;
        t.ResolvedAt = resolved;
        t.ResponseBreached = responseBreached;
        t.ResolutionBreached = resolutionBreached;
        t.Rating = rating;
        t.SystemId = system;
    }
}
