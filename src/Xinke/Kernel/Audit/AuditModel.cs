using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Audit;

public sealed class AuditModel : IModelPart
{
    public const string EventsTable = "AuditEvents";
    public const string HeadTable = "AuditHeads";

    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEvent>(e =>
        {
            e.ToTable(EventsTable);
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.ClientAddress).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(512);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.RequirementIds).HasMaxLength(100);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.OccurredAt);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.ActorName);
        });
        modelBuilder.Entity<AuditHead>(h =>
        {
            h.ToTable(HeadTable);
            h.HasKey(x => x.Id);
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.Hash).HasMaxLength(64);
            h.Property(x => x.Algorithm).HasMaxLength(16);
        });
    }
}
