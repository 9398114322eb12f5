using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Evidence.Tuning;

public sealed class FrameworkTuningModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ImportedFramework>(framework =>
        {
            framework.ToTable("ComplianceFrameworkImports");
            framework.Property(f => f.Code).HasMaxLength(ImportedFramework.CodeMaxLength);
            framework.Property(f => f.DeclaredVersion).HasMaxLength(64);
            framework.HasIndex(f => new { f.Code, f.Version }).IsUnique();
        });
        modelBuilder.Entity<ThresholdOverride>(threshold =>
        {
            threshold.ToTable("ComplianceThresholdOverrides");
            threshold.Property(t => t.FrameworkCode).HasMaxLength(ImportedFramework.CodeMaxLength);
            threshold.Property(t => t.RequirementId).HasMaxLength(32);
            threshold.Property(t => t.Name).HasMaxLength(ThresholdOverride.NameMaxLength);
            threshold.Property(t => t.Reason).HasMaxLength(ThresholdOverride.ReasonMaxLength);
            threshold.HasIndex(t => new { t.FrameworkCode, t.RequirementId, t.Name }).IsUnique();
        });
    }
}
