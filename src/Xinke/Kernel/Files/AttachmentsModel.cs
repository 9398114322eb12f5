using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Files;

public sealed class AttachmentsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Attachment>(attachment =>
        {
            attachment.ToTable("Attachments");
            attachment.Property(a => a.OwnerType).HasMaxLength(Attachment.OwnerTypeMaxLength);
            attachment.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
            attachment.Property(a => a.ContentType).HasMaxLength(120);
            attachment.Property(a => a.Sm3).HasMaxLength(64);
            attachment.Property(a => a.StorageKey).HasMaxLength(64);
            attachment.Property(a => a.KeyId).HasMaxLength(16);
            attachment.Property(a => a.UploadedBy).HasMaxLength(200);
            attachment.Property(a => a.Description).HasMaxLength(Attachment.DescriptionMaxLength);
            attachment.Property(a => a.VoidReason).HasMaxLength(Attachment.ReasonMaxLength);
            attachment.Ignore(a => a.IsVoided);
            attachment.HasIndex(a => new { a.OwnerType, a.OwnerId, a.Id });

            // One successor per version: two uploads replacing the same file at once cannot both win.
            attachment.HasIndex(a => a.ReplacesId).IsUnique();
            attachment.HasOne<Attachment>().WithMany().HasForeignKey(a => a.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
