using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Improvements;

public sealed class ImprovementsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ImprovementAction>(action =>
        {
            action.ToTable("ImprovementActions");
            action.Ignore(a => a.Source);
            action.Ignore(a => a.EvidenceAttachmentIds);
            action.Property(a => a.Code).HasMaxLength(32);
            action.HasIndex(a => a.Code).IsUnique();
            action.Property(a => a.SourceKind).HasConversion<string>().HasMaxLength(24);
            action.Property(a => a.SourceModule).HasMaxLength(ImprovementSource.ModuleMaxLength);
            action.Property(a => a.SourceEntity).HasMaxLength(ImprovementSource.EntityMaxLength);
            action.Property(a => a.SourceLabel).HasMaxLength(ImprovementSource.LabelMaxLength);
            action.Property(a => a.Description).HasMaxLength(ImprovementAction.DescriptionMaxLength);
            action.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
            action.Property(a => a.Evidence).HasMaxLength(ImprovementAction.EvidenceMaxLength);
            action.Property(a => a.EvidenceAttachments).HasMaxLength(400);
            action.Property(a => a.ReopenReason).HasMaxLength(ImprovementAction.ReasonMaxLength);
            action.Property(a => a.CancelReason).HasMaxLength(ImprovementAction.ReasonMaxLength);
            action.HasIndex(a => new { a.Status, a.DueDate });
            action.HasIndex(a => a.OwnerId);
            action.HasIndex(a => new { a.SourceModule, a.SourceEntity, a.SourceId });
            action.HasOne<Account>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
            action.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
