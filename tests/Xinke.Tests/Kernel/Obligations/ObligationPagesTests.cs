using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Obligations;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Obligations;

/// <summary>The obligation list, detail and calendar pages.</summary>
public sealed partial class ObligationPagesTests() : ObligationTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_it_director_defines_an_obligation_on_the_list_page_and_edits_its_grace_on_its_page()
    {
        var client = await SignInAsync(await CreateUserAsync("director", "it-director"));
        var list = await PageAsync(client, "/obligations");
        Assert.Contains("create-obligation-form", list, StringComparison.Ordinal);

        var created = await PageForms.SubmitAsync(client, list, "/obligations", new()
        {
            ["Form.Title"] = "月度机房巡检",
            ["Form.RequirementIds"] = "ROOM-01 ROOM-02",
            ["Form.ScheduleKind"] = "Cron",
            ["Form.Schedule"] = "0 0 1 * *",
            ["Form.OwnerKind"] = "Role",
            ["Form.Owner"] = "it-engineer",
            ["Form.GraceHours"] = "48",
            ["Form.EvidenceKind"] = "rooms.inspection",
            ["Form.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var obligation = await WithDbAsync(db => db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Key == null, Cancel));
        Assert.Equal(($"/obligations/{obligation.Id}", ",ROOM-01,ROOM-02,", true), (url, obligation.RequirementIds, obligation.Active));

        var detail = await PageAsync(client, url);
        Assert.Contains("月度机房巡检", detail, StringComparison.Ordinal);
        var edited = await PageForms.SubmitAsync(client, detail, url, new()
        {
            ["Version"] = obligation.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Title"] = "月度机房巡检",
            ["Form.RequirementIds"] = "ROOM-01",
            ["Form.ScheduleKind"] = "Cron",
            ["Form.Schedule"] = "0 0 1 * *",
            ["Form.OwnerKind"] = "Role",
            ["Form.Owner"] = "it-engineer",
            ["Form.GraceHours"] = "24",
            ["Form.EvidenceKind"] = "rooms.inspection",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await WithDbAsync(db => db.Set<Obligation>().AsNoTracking().SingleAsync(o => o.Key == null, Cancel));
        Assert.Equal((24, ",ROOM-01,", false), (after.GraceHours, after.RequirementIds, after.Active));

        var stale = await PageForms.SubmitAsync(client, detail, url, new() { ["Version"] = obligation.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Form.Title"] = "x", ["Form.Schedule"] = "0 0 1 * *", ["Form.Owner"] = "it-engineer", ["Form.EvidenceKind"] = "rooms.inspection" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("obligation-error", await stale.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_schedule_on_the_form_is_shown_and_nothing_is_saved()
    {
        var client = await SignInAsync(await CreateUserAsync("director", "it-director"));
        var list = await PageAsync(client, "/obligations");

        var refused = await PageForms.SubmitAsync(client, list, "/obligations", new() { ["Form.Title"] = "x", ["Form.Schedule"] = "daily", ["Form.Owner"] = "it-director", ["Form.EvidenceKind"] = "rooms.inspection" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("周期规则无法解析", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Set<Obligation>().AnyAsync(o => o.Key == null, Cancel)));
    }

    [Fact]
    public async Task The_calendar_shows_each_period_on_its_last_day_with_its_status_and_filters_by_status()
    {
        await CreateDailyAsync();
        SetClock(Midnight.AddDays(1).AddHours(1));
        await EvaluateAsync();
        var client = await ReaderAsync();

        var march = await PageAsync(client, "/obligations/calendar?month=2026-03");
        var late = await PageAsync(client, "/obligations/calendar?month=2026-03&status=late");
        var april = await PageAsync(client, "/obligations/calendar?month=2026-04");

        Assert.Equal(2, PeriodPattern().Count(march));
        Assert.Contains("data-status=\"late\"", march, StringComparison.Ordinal);
        Assert.Contains("data-status=\"due\"", march, StringComparison.Ordinal);
        Assert.Equal(1, PeriodPattern().Count(late));
        Assert.Equal(0, PeriodPattern().Count(april));
        Assert.DoesNotContain("create-obligation-form", await PageAsync(client, "/obligations"), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path, Cancel));



    [GeneratedRegex("data-testid=\"calendar-period\"")]
    private static partial Regex PeriodPattern();
}
