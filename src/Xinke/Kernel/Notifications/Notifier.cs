using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Notifications;

/// <summary>What a module tells people: a kind, a title, an optional body and a link into Xinke.</summary>
public sealed record NotificationMessage(string Kind, string Title, string? Body, string? Link);

/// <summary>
/// Queues notifications in the caller's unit of work: inbox items, e-mails and robot messages are
/// added to the context and committed by the caller's own <c>SaveChangesAsync</c>, in the same
/// transaction as the event, so an event is never recorded without its notifications nor the
/// reverse. Delivery happens later, by the outbox worker.
/// </summary>
public sealed class Notifier(XinkeDb db, NotificationKinds kinds, IOptions<NotificationOptions> options, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// A notice text in the installation's default language: a notice is stored once, for readers
    /// of either language, whatever the language of the request that caused it.
    /// </summary>
    public string Text(string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(Languages.Chinese);
        try
        {
            return text[key, arguments].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public async Task NotifyAsync(NotificationMessage message, IReadOnlyCollection<long> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        var kind = kinds.Find(message.Kind) ?? throw new InvalidOperationException($"Notification kind '{message.Kind}' was never declared.");
        var now = clock.GetUtcNow().UtcDateTime;
        var people = recipients.Distinct().ToList();
        var preferences = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.Kind == kind.Kind && people.Contains(p.AccountId))
            .ToDictionaryAsync(p => p.AccountId, cancellationToken);
        var addresses = await db.Set<NotificationContact>().AsNoTracking()
            .Where(c => people.Contains(c.AccountId) && c.Email != null)
            .ToDictionaryAsync(c => c.AccountId, c => c.Email!, cancellationToken);
        var title = Clip(message.Title, InboxItem.TitleMaxLength);
        foreach (var account in people)
        {
            var preference = preferences.GetValueOrDefault(account);
            if (preference?.InApp ?? true)
            {
                db.Add(new InboxItem { AccountId = account, Kind = kind.Kind, Title = title, Body = message.Body is null ? null : Clip(message.Body, InboxItem.BodyMaxLength), Link = message.Link, CreatedAt = now });
            }

            if ((preference?.Email ?? kind.EmailByDefault) && addresses.TryGetValue(account, out var address))
            {
                db.Add(Outbox(Channel.Email, address, kind.Kind, message, now, options.Value.PublicUrl));
            }
        }

        foreach (var (name, robot) in options.Value.Robots.Where(r => r.Value.Kinds.Contains(kind.Kind)))
        {
            db.Add(Outbox(robot.Kind, name, kind.Kind, message, now, options.Value.PublicUrl));
        }
    }

    private static OutboxMessage Outbox(Channel channel, string destination, string kind, NotificationMessage message, DateTime now, Uri? publicUrl)
    {
        var link = message.Link is null ? null : publicUrl is null ? message.Link : new Uri(publicUrl, message.Link).ToString();
        return new()
        {
            MessageId = Guid.NewGuid(),
            Channel = channel,
            Destination = destination,
            Kind = kind,
            Subject = Clip(message.Title, OutboxMessage.SubjectMaxLength),
            Body = link is null ? message.Body ?? message.Title : $"{message.Body ?? message.Title}\n{link}",
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
