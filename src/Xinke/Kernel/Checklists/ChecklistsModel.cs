using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;

namespace Xinke.Kernel.Checklists;

public sealed class ChecklistsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ChecklistTemplate>(template =>
        {
            template.ToTable("ChecklistTemplates");
            template.Property(t => t.Code).HasMaxLength(ChecklistTemplate.CodeMaxLength);
            template.HasIndex(t => t.Code).IsUnique();
            template.Property(t => t.Name).HasMaxLength(ChecklistTemplate.NameMaxLength);
            template.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
            template.Property(t => t.Description).HasMaxLength(ChecklistTemplate.DescriptionMaxLength);
            template.HasOne<Account>().WithMany().HasForeignKey(t => t.FindingOwnerId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChecklistTemplateRevision>(revision =>
        {
            revision.ToTable("ChecklistTemplateRevisions");
            revision.HasIndex(r => new { r.TemplateId, r.Number }).IsUnique();
            revision.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
            revision.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RevisionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChecklistItem>(item =>
        {
            item.ToTable("ChecklistItems");
            item.Property(i => i.Label).HasMaxLength(ChecklistItem.LabelMaxLength);
            item.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
            item.Property(i => i.Minimum).HasPrecision(18, 4);
            item.Property(i => i.Maximum).HasPrecision(18, 4);
            item.Property(i => i.Unit).HasMaxLength(ChecklistItem.UnitMaxLength);
            item.Property(i => i.ExpectedText).HasMaxLength(ChecklistItem.ExpectedTextMaxLength);
            item.HasIndex(i => new { i.RevisionId, i.Position });
        });

        modelBuilder.Entity<ChecklistRun>(run =>
        {
            run.ToTable("ChecklistRuns");
            run.Property(r => r.Code).HasMaxLength(32);
            run.HasIndex(r => r.Code).IsUnique();
            run.Property(r => r.SubjectType).HasMaxLength(ChecklistSubject.TypeMaxLength);
            run.Property(r => r.SubjectLabel).HasMaxLength(ChecklistSubject.LabelMaxLength);
            run.Property(r => r.Location).HasMaxLength(ChecklistRun.LocationMaxLength);
            run.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            run.HasIndex(r => new { r.SubjectType, r.SubjectId });
            run.HasIndex(r => r.StartedAt);
            run.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
            run.HasOne<ChecklistTemplateRevision>().WithMany().HasForeignKey(r => r.RevisionId).OnDelete(DeleteBehavior.Restrict);
            run.HasOne<Account>().WithMany().HasForeignKey(r => r.PerformedById).OnDelete(DeleteBehavior.Restrict);
            run.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            run.HasMany(r => r.Readings).WithOne().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ChecklistReading>(reading =>
        {
            reading.ToTable("ChecklistReadings");
            reading.Property(r => r.Value).HasMaxLength(ChecklistItem.ValueMaxLength);
            reading.Property(r => r.Note).HasMaxLength(ChecklistReading.NoteMaxLength);
            reading.HasIndex(r => new { r.RunId, r.ItemId }).IsUnique();
            reading.HasOne<ChecklistItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
            reading.HasOne<ImprovementAction>().WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
