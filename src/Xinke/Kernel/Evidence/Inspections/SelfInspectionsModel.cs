using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Evidence.Inspections;

public sealed class SelfInspectionsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<SelfInspection>(inspection =>
        {
            inspection.ToTable("ComplianceInspections");
            inspection.Property(i => i.Code).HasMaxLength(32);
            inspection.HasIndex(i => i.Code).IsUnique();
            inspection.Property(i => i.Comments).HasMaxLength(SelfInspection.CommentsMaxLength);
            inspection.Property(i => i.RedRequirements).HasMaxLength(4000);
            inspection.HasIndex(i => i.PeriodFrom);
            inspection.Ignore(i => i.RedRequirementIds);
        });
    }
}
