using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.FaultRegister;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;
using static Xinke.Tests.Modules.ServiceDesk.TicketRecords;

namespace Xinke.Tests.Modules.ServiceDesk.FaultRegister;

/// <summary>ROOM-03: every fault is registered with its handling process and its result, month by month.</summary>
public abstract class FaultRegisterTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : FaultRegisterTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : FaultRegisterTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ROOM-03")]
    public async Task The_register_lists_a_months_faults_with_their_public_handling_and_result()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var client = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var (printer, _, _, _) = await SeedAsync(engineer.Id);

        var march = await client.GetFromJsonAsync<JsonElement>("/api/v1/fault-register?month=2026-03", Cancel);

        var items = march.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["GD-2026-000001", "GD-2026-000002"], items.Select(i => i.GetProperty("code").GetString()));
        var entry = items[0];
        Assert.Equal(printer, entry.GetProperty("id").GetInt64());
        Assert.Equal("hardware", entry.GetProperty("cause").GetString());
        Assert.Equal("更换搓纸轮后打印正常", entry.GetProperty("resolution").GetString());
        var handling = entry.GetProperty("handling").EnumerateArray().ToList();
        Assert.Equal(["new", "assigned", "inProgress", null, "resolved"], handling.Select(h => h.GetProperty("to").ValueKind == JsonValueKind.Null ? null : h.GetProperty("to").GetString()));
        Assert.Equal("已到现场，搓纸轮磨损", handling[3].GetProperty("text").GetString());
        Assert.Equal("测试 wang.gong", handling[2].GetProperty("actor").GetString());
        Assert.DoesNotContain("供应商报价", march.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["GD-2026-000001"], await CodesAsync(client, "?month=2026-03&location=" + Uri.EscapeDataString("一号")));
        Assert.Equal(["GD-2026-000001"], await CodesAsync(client, "?month=2026-03&systemId=7"));
        Assert.Equal(["GD-2026-000003"], await CodesAsync(client, "?month=2026-02"));
        Assert.Equal(FaultErrors.InvalidMonth, (await Problems.ReadAsync(await client.GetAsync("/api/v1/fault-register?month=2026-13", Cancel), HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    [Trait("Req", "ROOM-03")]
    public async Task Staff_cannot_read_the_register_and_the_export_and_page_leave_internal_comments_out()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var staff = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        await SeedAsync(engineer.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/fault-register", Cancel)).StatusCode);
        var csv = await director.GetStringAsync("/api/v1/fault-register/export?month=2026-03&format=csv", Cancel);
        var page = await director.GetStringAsync("/servicedesk/faults?month=2026-03", Cancel);

        Assert.Contains("GD-2026-000001", csv, StringComparison.Ordinal);
        Assert.Contains("更换搓纸轮后打印正常", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("GD-2026-000003", csv, StringComparison.Ordinal);
        Assert.Contains("已到现场，搓纸轮磨损", page, StringComparison.Ordinal);
        Assert.Contains("GD-2026-000002", page, StringComparison.Ordinal);
        Assert.DoesNotContain("供应商报价", page + csv, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ROOM-03")]
    public async Task The_evidence_counts_a_fault_past_its_target_and_a_result_without_cause_as_gaps()
    {
        var engineer = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        await SeedAsync(engineer.Id);
        await App.WithDbAsync(async db =>
        {
            // Resolved, but neither cause nor what was done recorded: not a registered result.
            await AddAsync(db, "GD-2026-000005", TicketKind.Fault, t => t.ResolvedAt = Utc(3, 6, 3), (Utc(3, 6, 1), TicketStatus.New, null), (Utc(3, 6, 3), TicketStatus.Resolved, engineer.Id));
            // Open, its target still ahead on 03-20: not judged yet.
            return await AddAsync(db, "GD-2026-000006", TicketKind.Fault, t => t.ResolutionDueAt = Utc(3, 25, 0), (Utc(3, 19, 1), TicketStatus.New, null));
        });
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero));

        await using var scope = App.Services.CreateAsyncScope();
        var hospital = scope.ServiceProvider.GetRequiredService<HospitalClock>();
        var evidence = scope.ServiceProvider.GetServices<IEvidenceProvider>().OfType<FaultRegisterEvidence>().Single();
        var answer = await evidence.EvaluateAsync("ROOM-03", EvidenceQuery.For(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, hospital, Clock.GetUtcNow().UtcDateTime), Cancel);

        // Judged: 000001 (complete), 000002 (open, past its target), 000005 (no cause); 000006 not yet due.
        Assert.Equal([1, 3], answer.Reason.Arguments.Cast<int>());
        Assert.Equal(["GD-2026-000002", "GD-2026-000005"], answer.Links.Skip(1).Select(l => l.TextKey));
        Assert.NotEqual(ComplianceStatus.Met, answer.Status);
    }

    /// <summary>
    /// March: a printer fault in machine room 1 handled to a result (with a public and an internal
    /// comment) and a network fault in room 2 still open past its target; February: one fault; March:
    /// one service request, which is not a fault.
    /// </summary>
    private Task<(long Printer, long Network, long February, long Request)> SeedAsync(long engineer) => App.WithDbAsync(async db =>
    {
        var printer = await AddAsync(db, "GD-2026-000001", TicketKind.Fault, t =>
        {
            t.Location = "一号机房";
            t.SystemId = 7;
            t.AssigneeAccountId = engineer;
            t.Cause = TicketCause.Hardware;
            t.RootCause = "搓纸轮老化";
            t.Resolution = "更换搓纸轮后打印正常";
            t.ResolvedAt = Utc(3, 2, 3);
        }, (Utc(3, 1, 1), TicketStatus.New, null), (Utc(3, 1, 2), TicketStatus.Assigned, engineer), (Utc(3, 1, 3), TicketStatus.InProgress, engineer), (Utc(3, 2, 3), TicketStatus.Resolved, engineer));
        db.Add(new TicketComment { TicketId = printer.Id, Text = "已到现场，搓纸轮磨损", Internal = false, AuthorAccountId = engineer, At = Utc(3, 1, 4) });
        db.Add(new TicketComment { TicketId = printer.Id, Text = "内部：供应商报价 300 元", Internal = true, AuthorAccountId = engineer, At = Utc(3, 1, 5) });
        await db.SaveChangesAsync(Cancel);
        var network = await AddAsync(db, "GD-2026-000002", TicketKind.Fault, t =>
        {
            t.Title = "二号机房核心交换机端口故障";
            t.Location = "二号机房";
            t.ResolutionDueAt = Utc(3, 1, 8);
        }, (Utc(3, 1, 6), TicketStatus.New, null));
        var february = await AddAsync(db, "GD-2026-000003", TicketKind.Fault, _ => { }, (Utc(2, 10, 1), TicketStatus.New, null));
        var request = await AddAsync(db, "GD-2026-000004", TicketKind.ServiceRequest, _ => { }, (Utc(3, 1, 7), TicketStatus.New, null));
        return (printer.Id, network.Id, february.Id, request.Id);
    });

    private static async Task<IReadOnlyList<string>> CodesAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/fault-register" + query, Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }
}
