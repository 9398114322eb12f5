using System.Net;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.ServiceDesk.Tickets;

/// <summary>The pages: the one-screen fault form, the ticket page for reporter and engineer.</summary>
public abstract class TicketPagesTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    private const string InternalNote = "内部：交换机端口疑似故障";

    public sealed class OnSqlite() : TicketPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : TicketPagesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "OPS-07")]
    public async Task A_nurse_reports_a_fault_on_one_screen_and_never_sees_internal_comments_on_its_page()
    {
        var nurseAccount = await StaffAsync("li.hushi", Cardiology);
        var nurse = await SignInAsync(nurseAccount);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var form = await nurse.GetStringAsync("/servicedesk/report", Cancel);

        var refused = await PageForms.SubmitAsync(nurse, form, "/servicedesk/report", new() { ["what"] = " ", ["where"] = "护士站", ["phone"] = "8123" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请描述问题", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var posted = await PageForms.SubmitAsync(nurse, form, "/servicedesk/report", new() { ["what"] = "护士站打印机卡纸，无法打印腕带", ["where"] = "心内科护士站", ["phone"] = "8123" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var ticket = await WithDbAsync(db => db.Set<Ticket>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((TicketKind.Fault, Cardiology, nurseAccount.Id, "心内科护士站"), (ticket.Kind, ticket.DepartmentId, ticket.ReporterAccountId, ticket.Location));

        await PostAsync(engineer, $"/api/v1/tickets/{ticket.Id}/comments", new { text = InternalNote, @internal = true });
        var engineerPage = await engineer.GetStringAsync($"/servicedesk/tickets/detail?id={ticket.Id}", Cancel);
        var nursePage = await nurse.GetStringAsync($"/servicedesk/tickets/detail?id={ticket.Id}", Cancel);
        Assert.Contains(InternalNote, engineerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(InternalNote, nursePage, StringComparison.Ordinal);
        Assert.Contains("护士站打印机卡纸", nursePage, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"internal\"", nursePage, StringComparison.Ordinal);
        Assert.DoesNotContain("verb-start", nursePage, StringComparison.Ordinal);
        Assert.Contains("verb-start", engineerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_of_another_department_is_not_found_on_its_page()
    {
        var nurse = await SignInAsync(await StaffAsync("li.hushi", Cardiology));
        var radiologist = await SignInAsync(await StaffAsync("sun.yisheng", Radiology));
        var id = await FileAsync(nurse);

        Assert.Equal(HttpStatusCode.NotFound, (await radiologist.GetAsync($"/servicedesk/tickets/detail?id={id}", Cancel)).StatusCode);
        Assert.DoesNotContain("门诊打印机卡纸", await radiologist.GetStringAsync("/servicedesk/tickets", Cancel), StringComparison.Ordinal);
        Assert.Contains("门诊打印机卡纸", await nurse.GetStringAsync("/servicedesk/tickets?mine=true", Cancel), StringComparison.Ordinal);
    }
}
