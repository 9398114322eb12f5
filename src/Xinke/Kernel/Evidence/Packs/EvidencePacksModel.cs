using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Packs;

public sealed class EvidencePacksModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EvidencePack>(pack =>
        {
            pack.ToTable("EvidencePacks");
            pack.Ignore(p => p.Request);
            pack.Ignore(p => p.Requester);
            pack.Property(p => p.RequestedBy).HasMaxLength(EvidencePack.RequestedByMaxLength);
            pack.Property(p => p.RequirementIds).HasMaxLength(EvidencePack.RequirementIdsMaxLength);
            pack.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            pack.Property(p => p.ManifestSm3).HasMaxLength(64);
            pack.Property(p => p.Failure).HasMaxLength(EvidencePack.FailureMaxLength);
            pack.HasIndex(p => new { p.Status, p.ExpiresAt });
            pack.HasIndex(p => p.RequestedById);
            pack.HasOne<Account>().WithMany().HasForeignKey(p => p.RequestedById).OnDelete(DeleteBehavior.Restrict);
            pack.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
