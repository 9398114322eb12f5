using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.Maintenance;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Stocktakes;

namespace Xinke.Modules.Assets;

/// <summary>The tables of upkeep: maintenance plans and their records, stocktakes and their lines.</summary>
public sealed class AssetUpkeepModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<MaintenancePlan>(plan =>
        {
            plan.ToTable("MaintenancePlans");
            plan.Property(p => p.Title).HasMaxLength(MaintenancePlan.TitleMaxLength);
            plan.HasIndex(p => p.ObligationId).IsUnique();
            plan.HasIndex(p => p.AssetTypeId);
            plan.HasIndex(p => p.AssetId);
            plan.HasOne<AssetType>().WithMany().HasForeignKey(p => p.AssetTypeId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Asset>().WithMany().HasForeignKey(p => p.AssetId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(p => p.ChecklistTemplateId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Obligation>().WithMany().HasForeignKey(p => p.ObligationId).OnDelete(DeleteBehavior.Restrict);
            plan.HasOne<Account>().WithMany().HasForeignKey(p => p.CreatedById).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<MaintenanceRecord>(record =>
        {
            record.ToTable("MaintenanceRecords");
            record.Property(r => r.Code).HasMaxLength(32);
            record.HasIndex(r => r.Code).IsUnique();
            record.Property(r => r.Result).HasConversion<string>().HasMaxLength(16);
            record.Property(r => r.Notes).HasMaxLength(MaintenanceRecord.NotesMaxLength);
            record.HasIndex(r => new { r.PlanId, r.PerformedAt });
            record.HasOne<MaintenancePlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<ChecklistRun>().WithMany().HasForeignKey(r => r.ChecklistRunId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<Account>().WithMany().HasForeignKey(r => r.PerformedById).OnDelete(DeleteBehavior.Restrict);
            record.HasMany(r => r.Assets).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<MaintenanceRecordAsset>(covered =>
        {
            covered.ToTable("MaintenanceRecordAssets");
            covered.HasKey(a => new { a.RecordId, a.AssetId });
            covered.HasIndex(a => a.AssetId);
            covered.HasOne<Asset>().WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Stocktake>(stocktake =>
        {
            stocktake.ToTable("Stocktakes");
            stocktake.Ignore(s => s.IsFinished);
            stocktake.Ignore(s => s.LocationText);
            stocktake.Property(s => s.Code).HasMaxLength(32);
            stocktake.HasIndex(s => s.Code).IsUnique();
            stocktake.Property(s => s.Campus).HasMaxLength(AssetLocation.PartMaxLength);
            stocktake.Property(s => s.Building).HasMaxLength(AssetLocation.PartMaxLength);
            stocktake.Property(s => s.Floor).HasMaxLength(AssetLocation.PartMaxLength);
            stocktake.Property(s => s.Room).HasMaxLength(AssetLocation.PartMaxLength);
            stocktake.HasOne<Account>().WithMany().HasForeignKey(s => s.StartedById).OnDelete(DeleteBehavior.Restrict);
            stocktake.HasOne<Account>().WithMany().HasForeignKey(s => s.FinishedById).OnDelete(DeleteBehavior.Restrict);
            stocktake.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.StocktakeId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StocktakeLine>(line =>
        {
            line.ToTable("StocktakeLines");
            line.Property(l => l.Tag).HasMaxLength(Asset.TagMaxLength);
            line.HasIndex(l => new { l.StocktakeId, l.AssetId }).IsUnique();
            line.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Restrict);
            line.HasOne<Account>().WithMany().HasForeignKey(l => l.ScannedById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
