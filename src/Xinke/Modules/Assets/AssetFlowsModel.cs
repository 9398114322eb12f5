using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Scrapping;

namespace Xinke.Modules.Assets;

/// <summary>The tables of the asset flows: appraisals and scrappings, repairs, loans and reservations, requests, maintenance.</summary>
public sealed class AssetFlowsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AssetAppraisal>(appraisal =>
        {
            appraisal.ToTable("AssetAppraisals");
            appraisal.Ignore(a => a.RecommendsScrap);
            appraisal.Property(a => a.Findings).HasMaxLength(AssetAppraisal.FindingsMaxLength);
            appraisal.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(16);
            appraisal.HasIndex(a => new { a.AssetId, a.Id });
            appraisal.HasOne<Asset>().WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Restrict);
            appraisal.HasOne<Account>().WithMany().HasForeignKey(a => a.AppraiserId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AssetScrapping>(scrapping =>
        {
            scrapping.ToTable("AssetScrappings");
            scrapping.Ignore(s => s.IsOpen);
            scrapping.Property(s => s.Reason).HasMaxLength(AssetScrapping.TextMaxLength);
            scrapping.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
            scrapping.Property(s => s.PreviousStatus).HasConversion<string>().HasMaxLength(24);
            scrapping.Property(s => s.DisposalMethod).HasMaxLength(AssetScrapping.ShortTextMaxLength);
            scrapping.Property(s => s.DataDestructionMethod).HasMaxLength(AssetScrapping.ShortTextMaxLength);
            scrapping.Property(s => s.DataDestroyedBy).HasMaxLength(AssetScrapping.ShortTextMaxLength);
            scrapping.HasIndex(s => new { s.AssetId, s.Status });
            scrapping.HasIndex(s => new { s.Status, s.CompletedAt });
            scrapping.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Restrict);
            scrapping.HasOne<AssetAppraisal>().WithMany().HasForeignKey(s => s.AppraisalId).OnDelete(DeleteBehavior.Restrict);
            scrapping.HasOne<Account>().WithMany().HasForeignKey(s => s.StartedById).OnDelete(DeleteBehavior.Restrict);
            scrapping.HasOne<Account>().WithMany().HasForeignKey(s => s.CompletedById).OnDelete(DeleteBehavior.Restrict);
            scrapping.HasOne<ApprovalRequest>().WithMany().HasForeignKey(s => s.ApprovalId).OnDelete(DeleteBehavior.Restrict);
            scrapping.HasOne<Attachment>().WithMany().HasForeignKey(s => s.CertificateAttachmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AssetRepair>(repair =>
        {
            repair.ToTable("AssetRepairs");
            repair.Ignore(r => r.IsOpen);
            repair.Property(r => r.Fault).HasMaxLength(AssetRepair.FaultMaxLength);
            repair.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            repair.Property(r => r.VendorName).HasMaxLength(AssetRepair.NameMaxLength);
            repair.Property(r => r.VendorEngineer).HasMaxLength(AssetRepair.NameMaxLength);
            repair.Property(r => r.Cost).HasPrecision(12, 2);
            repair.Property(r => r.Notes).HasMaxLength(AssetRepair.NotesMaxLength);
            repair.Property(r => r.PreviousStatus).HasConversion<string>().HasMaxLength(24);
            repair.HasIndex(r => new { r.AssetId, r.Id });
            repair.HasIndex(r => new { r.FinishedAt, r.Id });
            repair.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
            repair.HasOne<Account>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
