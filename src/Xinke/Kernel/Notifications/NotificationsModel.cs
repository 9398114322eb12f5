using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Notifications;

public sealed class NotificationsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InboxItem>(item =>
        {
            item.ToTable("InboxItems");
            item.Property(i => i.Kind).HasMaxLength(NotificationKinds.KindMaxLength);
            item.Property(i => i.Title).HasMaxLength(InboxItem.TitleMaxLength);
            item.Property(i => i.Body).HasMaxLength(InboxItem.BodyMaxLength);
            item.Property(i => i.Link).HasMaxLength(InboxItem.LinkMaxLength);
            item.HasIndex(i => new { i.AccountId, i.ReadAt, i.Id });
        });
        modelBuilder.Entity<NotificationPreference>(preference =>
        {
            preference.ToTable("NotificationPreferences");
            preference.Property(p => p.Kind).HasMaxLength(NotificationKinds.KindMaxLength);
            preference.HasIndex(p => new { p.AccountId, p.Kind }).IsUnique();
        });
        modelBuilder.Entity<NotificationContact>(contact =>
        {
            contact.ToTable("NotificationContacts");
            contact.HasKey(c => c.AccountId);
            contact.Property(c => c.AccountId).ValueGeneratedNever();
            contact.Property(c => c.Email).HasMaxLength(NotificationContact.EmailMaxLength);
        });
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessages");
            message.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Destination).HasMaxLength(OutboxMessage.DestinationMaxLength);
            message.Property(m => m.Kind).HasMaxLength(NotificationKinds.KindMaxLength);
            message.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
            message.Property(m => m.ClaimedBy).HasMaxLength(100);
            message.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
            message.HasIndex(m => m.MessageId).IsUnique();
            message.HasIndex(m => new { m.State, m.NextAttemptAt });
        });
    }
}
