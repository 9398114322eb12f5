using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Notifications;

public sealed record InboxItemDto(long Id, string Kind, string Title, string? Body, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public static InboxItemDto From(InboxItem item) => new(item.Id, item.Kind, item.Title, item.Body, item.Link, item.CreatedAt, item.ReadAt);
}

public sealed record UnreadCountDto(int Count);

public sealed record KindPreferenceDto(string Kind, string? Name, bool InApp, bool Email);

public sealed record NotificationSettingsDto(string? Email, IReadOnlyList<KindPreferenceDto> Kinds);

public sealed record OutboxMessageDto(long Id, Guid MessageId, Channel Channel, string Destination, string Kind, string Subject, OutboxState State, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? DeliveredAt, string? LastError)
{
    public static OutboxMessageDto From(OutboxMessage m) => new(m.Id, m.MessageId, m.Channel, m.Destination, m.Kind, m.Subject, m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.DeliveredAt, m.LastError);
}

/// <summary>A person's inbox and preferences (their own only), and the system administrator's view of undeliverable messages.</summary>
public static class NotificationsApi
{
    public static readonly ListDefinition<InboxItem> Inbox = new ListDefinition<InboxItem>("inbox", i => i.Id, "-id").SortBy("id", i => i.Id);

    public static readonly ListDefinition<OutboxMessage> Outbox = new ListDefinition<OutboxMessage>("outbox", m => m.Id, "-id").SortBy("id", m => m.Id);

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var inbox = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        inbox.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("The caller's inbox, newest first; `unread=true` for unread only.");
        inbox.MapGet("/unread-count", UnreadCountAsync).WithName("CountUnreadNotifications").WithSummary("How many of the caller's notifications are unread.");
        inbox.MapPost("/{id:long}/read", ReadAsync).WithName("ReadNotification").WithSummary("Mark one of the caller's notifications read.");
        inbox.MapPost("/read-all", ReadAllAsync).WithName("ReadAllNotifications").WithSummary("Mark all of the caller's notifications read.");
        var settings = app.MapGroup("/api/v1/me/notification-settings").WithTags("Notifications").RequireAuthorization();
        settings.MapGet("/", SettingsAsync).WithName("GetNotificationSettings").WithSummary("The caller's e-mail address and per-kind choices.");
        settings.MapPut("/", SaveSettingsAsync).WithName("SaveNotificationSettings").WithSummary("Replace the caller's e-mail address and per-kind choices.");
        var outbox = app.MapGroup("/api/v1/notifications/outbox").WithTags("Notifications").RequirePermission(NotificationPermissions.Outbox);
        outbox.MapGet("/", OutboxAsync).WithName("ListOutbox").WithSummary("Outbox messages, newest first; `state=failed` for those given up on, with their errors.");
        outbox.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryOutboxMessage").WithSummary("Send a failed message again.");
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.outbox", "/admin/outbox", 930, NotificationPermissions.Outbox));
        return app;
    }

    private static async Task<Results<Ok<Page<InboxItemDto>>, ProblemHttpResult>> ListAsync([AsParameters] ListRequest paging, bool? unread, XinkeDb db, CurrentCaller current, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var items = db.Set<InboxItem>().AsNoTracking().Where(i => i.AccountId == caller.Id);
        if (unread == true)
        {
            items = items.Where(i => i.ReadAt == null);
        }

        var page = await Inbox.PageAsync(items, paging, InboxItemDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Ok<UnreadCountDto>> UnreadCountAsync(NotificationInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCountDto(await inbox.UnreadCountAsync(cancellationToken)));

    private static async Task<Results<NoContent, NotFound>> ReadAsync(long id, NotificationInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<NoContent> ReadAllAsync(NotificationInbox inbox, CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<NotificationSettingsDto>> SettingsAsync(NotificationInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.SettingsAsync(cancellationToken));

    private static async Task<Results<Ok<NotificationSettingsDto>, ProblemHttpResult>> SaveSettingsAsync(NotificationSettingsDto input, NotificationInbox inbox, HttpContext http, CancellationToken cancellationToken)
    {
        var saved = await inbox.SaveSettingsAsync(input, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(saved.Value) : ApiProblems.From(http, saved.Error!);
    }

    private static async Task<Results<Ok<Page<OutboxMessageDto>>, ProblemHttpResult>> OutboxAsync([AsParameters] ListRequest paging, string? state, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        if (state is not null)
        {
            if (!Enum.TryParse<OutboxState>(state, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return ApiProblems.From(http, Error.Invalid("notification.invalid_state", "state"));
            }

            messages = messages.Where(m => m.State == wanted);
        }

        var page = await Outbox.PageAsync(messages, paging, OutboxMessageDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RetryAsync(long id, NotificationInbox inbox, HttpContext http, CancellationToken cancellationToken)
    {
        var retried = await inbox.RetryAsync(id, cancellationToken);
        return retried is null ? TypedResults.NoContent()
            : retried.Kind == ErrorKind.NotFound ? TypedResults.NotFound()
            : ApiProblems.From(http, retried);
    }
}
