using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Evidence.Documents;

public sealed class EvidenceDocumentsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EvidenceDocument>(document =>
        {
            document.ToTable("EvidenceDocuments");
            document.Property(d => d.Code).HasMaxLength(32);
            document.HasIndex(d => d.Code).IsUnique();
            document.Property(d => d.Title).HasMaxLength(EvidenceDocument.TitleMaxLength);
            document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
            document.Property(d => d.Note).HasMaxLength(EvidenceDocument.NoteMaxLength);
            document.HasMany(d => d.Requirements).WithOne().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
            document.HasIndex(d => d.ExpiresOn);
        });
        modelBuilder.Entity<EvidenceDocumentRequirement>(requirement =>
        {
            requirement.ToTable("EvidenceDocumentRequirements");
            requirement.HasKey(r => new { r.DocumentId, r.RequirementId });
            requirement.Property(r => r.RequirementId).HasMaxLength(32);
            requirement.HasIndex(r => r.RequirementId);
        });
    }
}
