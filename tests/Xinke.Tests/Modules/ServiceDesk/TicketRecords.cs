using Xinke.Data;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Tests.Modules.ServiceDesk;

/// <summary>
/// Tickets written straight into the database with their history, as the tickets' own use cases
/// leave them: the register and the reports only read them.
/// </summary>
public static class TicketRecords
{
    public static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A ticket with its status rows; each step is (at, to, actor). The first step opens it.</summary>
    public static async Task<Ticket> AddAsync(XinkeDb db, string code, TicketKind kind, Action<Ticket> shape, params (DateTime At, TicketStatus To, long? Actor)[] steps)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shape);
        var ticket = new Ticket { Code = code, Kind = kind, Title = "门诊打印机卡纸", Description = "三楼门诊 3 号诊室打印机卡纸，无法打印处方", CreatedAt = steps[0].At, UpdatedAt = steps[^1].At };
        shape(ticket);
        ticket.Status = steps[^1].To;
        db.Add(ticket);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        TicketStatus? from = null;
        foreach (var (at, to, actor) in steps)
        {
            db.Add(new TicketStatusChange { TicketId = ticket.Id, At = at, From = from, To = to, Priority = ticket.Priority, AssigneeAccountId = ticket.AssigneeAccountId, ActorAccountId = actor });
            from = to;
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ticket;
    }
}
