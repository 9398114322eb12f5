using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Obligations;

public sealed class ObligationsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Obligation>(obligation =>
        {
            obligation.ToTable("Obligations");
            obligation.Ignore(o => o.Requirements);
            obligation.Ignore(o => o.Grace);
            obligation.Ignore(o => o.OwnerRef);
            obligation.Ignore(o => o.DeclaredInCode);
            obligation.HasIndex(o => o.Key).IsUnique();
            obligation.Property(o => o.Key).HasMaxLength(Obligation.KeyMaxLength);
            obligation.Property(o => o.Title).HasMaxLength(Obligation.TitleMaxLength);
            obligation.Property(o => o.RequirementIds).HasMaxLength(Obligation.RequirementsMaxLength);
            obligation.Property(o => o.ScheduleKind).HasConversion<string>().HasMaxLength(16);
            obligation.Property(o => o.Schedule).HasMaxLength(Obligation.ScheduleMaxLength);
            obligation.Property(o => o.OwnerKind).HasConversion<string>().HasMaxLength(16);
            obligation.Property(o => o.Owner).HasMaxLength(Obligation.OwnerMaxLength);
            obligation.Property(o => o.EvidenceKind).HasMaxLength(ObligationRecord.KindMaxLength);
            obligation.Property(o => o.EvidenceSubjectType).HasMaxLength(ObligationRecord.SubjectMaxLength);
            obligation.Property(o => o.EvidenceSubjectId).HasMaxLength(ObligationRecord.SubjectMaxLength);
            obligation.HasIndex(o => o.EvidenceKind);
        });
        modelBuilder.Entity<ObligationPeriod>(period =>
        {
            period.ToTable("ObligationPeriods");
            period.Ignore(p => p.AwaitingReview);
            period.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            period.HasOne<Obligation>().WithMany().HasForeignKey(p => p.ObligationId).OnDelete(DeleteBehavior.Restrict);
            period.HasOne<ObligationRecord>().WithMany().HasForeignKey(p => p.ClosingRecordId).OnDelete(DeleteBehavior.Restrict);
            period.HasIndex(p => new { p.ObligationId, p.Start }).IsUnique();
            period.HasIndex(p => p.End);
        });
        modelBuilder.Entity<ObligationRecord>(record =>
        {
            record.ToTable("ObligationRecords");
            record.Property(r => r.Kind).HasMaxLength(ObligationRecord.KindMaxLength);
            record.Property(r => r.Module).HasMaxLength(ObligationRecord.KindMaxLength);
            record.Property(r => r.SubjectType).HasMaxLength(ObligationRecord.SubjectMaxLength);
            record.Property(r => r.SubjectId).HasMaxLength(ObligationRecord.SubjectMaxLength);
            record.Property(r => r.SourceRef).HasMaxLength(ObligationRecord.SourceMaxLength);
            record.HasIndex(r => new { r.Kind, r.OccurredAt });
        });
    }
}
