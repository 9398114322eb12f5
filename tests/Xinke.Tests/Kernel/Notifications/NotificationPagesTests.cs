using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Notifications;

/// <summary>The inbox, the preferences and the administrator's failure list, as people use them in the browser.</summary>
public sealed class NotificationPagesTests() : IdentityTest(DatabaseKind.Sqlite)
{
    private const string NoticeKind = "test.page-notice";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddNotificationKind(NoticeKind, "nav.notifications");
    }

    [Fact]
    public async Task The_inbox_shows_the_unread_count_and_opening_a_notice_marks_it_read_and_follows_its_link()
    {
        var nurse = await CreateUserAsync("nurse", BuiltInRoles.Staff);
        var client = await SignInAsync(nurse);
        await NotifyAsync("设备申领已批准", "/approvals/7", nurse.Id);
        await NotifyAsync("整改任务到期提醒", null, nurse.Id);

        var inbox = await client.GetStringAsync(new Uri("/notifications", UriKind.Relative), Cancel);
        Assert.Contains("data-testid=\"inbox-unread\">2<", inbox, StringComparison.Ordinal);
        Assert.Contains("设备申领已批准", inbox, StringComparison.Ordinal);

        var id = await WithDbAsync(db => db.Set<InboxItem>().Where(i => i.Title == "设备申领已批准").Select(i => i.Id).SingleAsync(Cancel));
        var opened = await PageForms.SubmitAsync(client, inbox, $"/notifications?handler=Open&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/approvals/7", opened.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"inbox-unread\">1<", await client.GetStringAsync(new Uri("/notifications", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var readAll = await PageForms.SubmitAsync(client, inbox, "/notifications?handler=ReadAll", []);
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        Assert.DoesNotContain("inbox-unread", await client.GetStringAsync(new Uri("/notifications", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_opens_another_persons_notice()
    {
        var nurse = await CreateUserAsync("nurse", BuiltInRoles.Staff);
        var doctor = await SignInAsync(await CreateUserAsync("doctor", BuiltInRoles.Staff));
        await NotifyAsync("仅护士可见", "/approvals/1", nurse.Id);
        var id = await WithDbAsync(db => db.Set<InboxItem>().Select(i => i.Id).SingleAsync(Cancel));

        var page = await doctor.GetStringAsync(new Uri("/notifications", UriKind.Relative), Cancel);
        var response = await PageForms.SubmitAsync(doctor, page, $"/notifications?handler=Open&id={id}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("仅护士可见", page, StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(db => db.Set<InboxItem>().Select(i => i.ReadAt).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task The_preferences_page_keeps_a_valid_address_and_explains_an_invalid_one()
    {
        var nurse = await CreateUserAsync("nurse", BuiltInRoles.Staff);
        var client = await SignInAsync(nurse);
        var page = await client.GetStringAsync(new Uri("/notifications/settings", UriKind.Relative), Cancel);

        var invalid = WebUtility.HtmlDecode(await (await PageForms.SubmitAsync(client, page, "/notifications/settings", new() { ["Email"] = "not an address", ["InApp"] = NoticeKind })).Content.ReadAsStringAsync(Cancel));
        Assert.Contains("电子邮箱格式不正确", invalid, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(db => db.Set<NotificationContact>().CountAsync(Cancel)));

        var saved = await PageForms.SubmitAsync(client, page, "/notifications/settings", new() { ["Email"] = "nurse@hospital.test", ["ByEmail"] = NoticeKind });
        Assert.Contains("data-testid=\"settings-saved\"", await saved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var preference = await WithDbAsync(db => db.Set<NotificationPreference>().SingleAsync(p => p.Kind == NoticeKind, Cancel));
        Assert.False(preference.InApp);
        Assert.True(preference.Email);
    }

    [Fact]
    public async Task Only_the_system_administrator_sees_the_undeliverable_messages()
    {
        var admin = await SignInAsync(await CreateUserAsync("sysadmin1", BuiltInRoles.SysAdmin));
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        await WithDbAsync(async db =>
        {
            db.Add(new OutboxMessage { MessageId = Guid.NewGuid(), Channel = Channel.Email, Destination = "it@hospital.test", Kind = NoticeKind, Subject = "备份失败", Body = "备份失败", State = OutboxState.Failed, Attempts = 6, LastError = "SocketException: Connection refused" });
            return await db.SaveChangesAsync(Cancel);
        });

        var page = await admin.GetStringAsync(new Uri("/admin/outbox", UriKind.Relative), Cancel);
        var refused = await director.GetAsync(new Uri("/admin/outbox", UriKind.Relative), Cancel);

        Assert.Contains("SocketException: Connection refused", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private async Task NotifyAsync(string title, string? link, long recipient)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(new NotificationMessage(NoticeKind, title, null, link), [recipient], Cancel);
        await scope.ServiceProvider.GetRequiredService<XinkeDb>().SaveChangesAsync(Cancel);
    }
}
