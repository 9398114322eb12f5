using System.Globalization;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Notifications;

/// <summary>The signed-in person's inbox and preferences, and the administrator's retry of a failed message.</summary>
public sealed class NotificationInbox(XinkeDb db, CurrentCaller current, NotificationKinds kinds, TimeProvider clock, IStringLocalizer<SharedResource> text, AuditLog audit)
{
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        return caller is null ? 0 : await db.Set<InboxItem>().CountAsync(i => i.AccountId == caller.Id && i.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one notification (or, with null, all) of the caller read; false when it is not the caller's.</summary>
    public async Task<bool> MarkReadAsync(long? id, CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Set<InboxItem>().Where(i => i.AccountId == caller.Id);
        if (id is { } one)
        {
            if (!await mine.AnyAsync(i => i.Id == one, cancellationToken))
            {
                return false;
            }

            mine = mine.Where(i => i.Id == one);
        }

        await mine.Where(i => i.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReadAt, now), cancellationToken);
        return true;
    }

    public async Task<NotificationSettingsDto> SettingsAsync(CancellationToken cancellationToken)
    {
        var caller = (await current.GetAsync(cancellationToken))!;
        var email = await db.Set<NotificationContact>().AsNoTracking().Where(c => c.AccountId == caller.Id).Select(c => c.Email).SingleOrDefaultAsync(cancellationToken);
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.AccountId == caller.Id).ToDictionaryAsync(p => p.Kind, cancellationToken);
        return new NotificationSettingsDto(email, [.. kinds.All.Select(k => chosen.TryGetValue(k.Kind, out var p)
            ? new KindPreferenceDto(k.Kind, text[k.TextKey], p.InApp, p.Email)
            : new KindPreferenceDto(k.Kind, text[k.TextKey], true, k.EmailByDefault))]);
    }

    public async Task<Result<NotificationSettingsDto>> SaveSettingsAsync(NotificationSettingsDto input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && (email.Length > NotificationContact.EmailMaxLength || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            return Error.Invalid("notification.invalid_email", "email");
        }

        var unknown = (input.Kinds ?? []).FirstOrDefault(k => kinds.Find(k.Kind) is null);
        if (unknown is not null)
        {
            return Error.Invalid("notification.unknown_kind", "kinds", unknown.Kind);
        }

        var caller = (await current.GetAsync(cancellationToken))!;
        var contact = await db.Set<NotificationContact>().SingleOrDefaultAsync(c => c.AccountId == caller.Id, cancellationToken);
        if (contact is null)
        {
            db.Add(new NotificationContact { AccountId = caller.Id, Email = email });
        }
        else
        {
            contact.Email = email;
        }

        var existing = await db.Set<NotificationPreference>().Where(p => p.AccountId == caller.Id).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var choice in input.Kinds ?? [])
        {
            if (!existing.TryGetValue(choice.Kind, out var preference))
            {
                db.Add(preference = new NotificationPreference { AccountId = caller.Id, Kind = choice.Kind });
                existing[choice.Kind] = preference;
            }

            preference.InApp = choice.InApp;
            preference.Email = choice.Email;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await SettingsAsync(cancellationToken);
    }

    /// <summary>Puts a failed message back in the queue with fresh attempts (audited: it sends the message again).</summary>
    public async Task<Error?> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Error.NotFound("notification.not_found");
        }

        if (message.State != OutboxState.Failed)
        {
            return Error.Conflict("notification.not_failed");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => m.Id == id && m.State == OutboxState.Failed).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now),
            cancellationToken);
        await audit.RecordAsync("outbox_retried", AuditOutcome.Success, cancellationToken, nameof(OutboxMessage), id.ToString(CultureInfo.InvariantCulture), details: message.LastError);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
