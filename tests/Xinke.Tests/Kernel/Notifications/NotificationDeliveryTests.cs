using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Notifications;

/// <summary>
/// The outbox: written with its event, delivered to a local SMTP server and a local webhook
/// receiver, retried with back-off, given up on visibly, and delivered exactly once across a
/// restart and across two instances.
/// </summary>
public abstract class NotificationDeliveryTests(DatabaseKind kind) : IdentityTest(kind), IAsyncDisposable
{
    private const string NoticeKind = "test.notice";
    private const string Robot = "ops-group";
    private const string RobotSecret = "SEC-test-robot-secret";
    private readonly SmtpSink smtp = new();
    private readonly RobotReceiver robot = RobotReceiver.Start();

    public sealed class OnSqlite() : NotificationDeliveryTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : NotificationDeliveryTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddNotificationKind(NoticeKind, "nav.notifications");
        services.Configure<NotificationOptions>(options =>
        {
            options.Smtp.Host = "127.0.0.1";
            options.Smtp.Port = smtp.Port;
            options.Smtp.Security = "none";
            options.Smtp.From = "xinke@hospital.test";
            options.PublicUrl = new Uri("https://xinke.hospital.test/");
            options.Robots[Robot] = new RobotOptions { Kind = Channel.DingTalk, Url = robot.Url, Secret = RobotSecret, Kinds = [NoticeKind] };
        });
    }

    [Fact]
    public async Task A_notification_reaches_the_inbox_the_mail_server_and_the_robot()
    {
        var nurse = await CreateUserAsync("nurse", BuiltInRoles.Staff);
        var client = await SignInAsync(nurse);
        var saved = await SendAsync(client, HttpMethod.Put, "/api/v1/me/notification-settings", new { email = "nurse@hospital.test", kinds = new[] { new { kind = NoticeKind, inApp = true, email = true } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await NotifyAsync(App, "审批待办：设备申领 REQ-2026-000001", [nurse.Id]);
        var delivered = await DeliverAsync(App);

        Assert.Equal(2, delivered);
        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("nurse@hospital.test", mail, StringComparison.Ordinal);
        Assert.Contains("https://xinke.hospital.test/approvals/1", mail, StringComparison.Ordinal);
        var (_, body) = Assert.Single(robot.Accepted);
        Assert.Equal("text", (string?)body["msgtype"]);
        Assert.StartsWith("审批待办：设备申领 REQ-2026-000001", (string?)body["text"]!["content"], StringComparison.Ordinal);
        var count = await client.GetFromJsonAsync<UnreadCountDto>(new Uri("/api/v1/notifications/unread-count", UriKind.Relative), Cancel);
        Assert.Equal(1, count!.Count);
    }

    [Fact]
    public async Task Nothing_is_queued_when_the_event_does_not_commit()
    {
        var nurse = await CreateUserAsync("nurse", BuiltInRoles.Staff);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(new NotificationMessage(NoticeKind, "未提交", null, null), [nurse.Id], Cancel);
        }

        Assert.Equal(0, await WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(Cancel)));
        Assert.Equal(0, await WithDbAsync(db => db.Set<InboxItem>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_refusing_receiver_is_retried_with_back_off_and_the_signature_is_dingtalks()
    {
        robot.FailFirst = 2;
        await NotifyAsync(App, "机房温度告警", []);

        Assert.Equal(0, await DeliverAsync(App));
        Assert.Equal(0, await DeliverAsync(App));
        Assert.Equal(1, robot.Calls);

        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await DeliverAsync(App));
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await DeliverAsync(App));
        Assert.Equal(2, robot.Calls);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DeliverAsync(App));

        var (query, _) = Assert.Single(robot.Accepted);
        var parameters = HttpUtility.ParseQueryString(query);
        var timestamp = long.Parse(parameters["timestamp"]!, CultureInfo.InvariantCulture);
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeMilliseconds(), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RobotSecret), Encoding.UTF8.GetBytes($"{timestamp}\n{RobotSecret}")));
        Assert.Equal(expected, parameters["sign"]);
        var message = await WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal(OutboxState.Delivered, message.State);
        Assert.Equal(3, message.Attempts);
    }

    [Fact]
    public async Task After_the_last_attempt_the_system_administrator_sees_the_error_and_can_send_it_again()
    {
        robot.FailFirst = int.MaxValue;
        await NotifyAsync(App, "备份失败", []);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await DeliverAsync(App);
            Clock.Advance(TimeSpan.FromHours(1));
        }

        var admin = await SignInAsync(await CreateUserAsync("sysadmin1", BuiltInRoles.SysAdmin));
        var failed = await admin.GetFromJsonAsync<FailedPage>(new Uri("/api/v1/notifications/outbox?state=failed", UriKind.Relative), Cancel);
        var message = Assert.Single(failed!.Items);
        Assert.Equal(6, message.Attempts);
        Assert.Equal("failed", message.State);
        Assert.Equal("dingTalk", message.Channel);
        Assert.StartsWith("HTTP 500", message.LastError, StringComparison.Ordinal);
        Assert.Equal(6, robot.Calls);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignInAsync(await CreateUserAsync("staff1", BuiltInRoles.Staff))).GetAsync(new Uri("/api/v1/notifications/outbox", UriKind.Relative), Cancel)).StatusCode);
        await DeliverAsync(App);
        Assert.Equal(6, robot.Calls);

        robot.FailFirst = 0;
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(admin, $"/api/v1/notifications/outbox/{message.Id}/retry")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(admin, $"/api/v1/notifications/outbox/{message.Id}/retry")).StatusCode);
        Assert.Equal(1, await DeliverAsync(App));
        Assert.Single(robot.Accepted);
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action == "outbox_retried" && e.EntityId == message.Id.ToString(CultureInfo.InvariantCulture), Cancel)));
    }

    [Fact]
    public async Task A_restart_between_commit_and_delivery_still_delivers_exactly_once()
    {
        await NotifyAsync(App, "变更窗口开始", []);
        await using var restarted = new XinkeApp(App.Database, ConfigureServices);

        Assert.Equal(1, await DeliverAsync(restarted));
        Assert.Equal(0, await DeliverAsync(restarted));
        Assert.Equal(0, await DeliverAsync(App));
        Assert.Single(robot.Accepted);
    }

    [Fact]
    public async Task A_message_claimed_by_a_dead_instance_is_taken_over_when_its_claim_expires()
    {
        await NotifyAsync(App, "值班交接提醒", []);
        var until = Clock.GetUtcNow().UtcDateTime.AddSeconds(120);
        await WithDbAsync(db => db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "dead-instance").SetProperty(m => m.ClaimExpiresAt, until), Cancel));

        Assert.Equal(0, await DeliverAsync(App));
        Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(1, await DeliverAsync(App));
        Assert.Single(robot.Accepted);
    }

    [Fact]
    public async Task Two_instances_deliver_500_messages_exactly_once()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < 500; i++)
            {
                await notifier.NotifyAsync(new NotificationMessage(NoticeKind, $"消息 {i:D3}", null, null), [], Cancel);
            }

            await scope.ServiceProvider.GetRequiredService<XinkeDb>().SaveChangesAsync(Cancel);
        }

        await using var second = new XinkeApp(App.Database, ConfigureServices);
        var counts = await Task.WhenAll(DrainAsync(App), DrainAsync(second));

        Assert.Equal(500, counts.Sum());
        Assert.Equal(500, robot.Accepted.Count);
        Assert.Equal(500, robot.Accepted.Select(a => (string?)a.Body["text"]!["content"]).Distinct().Count());
        Assert.Equal(500, await WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.State == OutboxState.Delivered, Cancel)));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
        await robot.DisposeAsync();
    }

    private static async Task<int> DrainAsync(XinkeApp app)
    {
        var total = 0;
        while (await DeliverAsync(app) is var delivered && delivered > 0)
        {
            total += delivered;
        }

        return total;
    }

    private static async Task NotifyAsync(XinkeApp app, string title, long[] recipients)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(new NotificationMessage(NoticeKind, title, null, "/approvals/1"), recipients, Cancel);
        await scope.ServiceProvider.GetRequiredService<XinkeDb>().SaveChangesAsync(Cancel);
    }

    private static async Task<int> DeliverAsync(XinkeApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(Cancel);
    }

    private sealed record FailedItem(long Id, string Channel, string State, int Attempts, string? LastError);

    private sealed record FailedPage(List<FailedItem> Items);
}
