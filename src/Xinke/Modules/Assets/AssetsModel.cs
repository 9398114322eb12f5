using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Hosting;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets;

public sealed class AssetsModel : IModelPart
{
    /// <summary>Ids below this belong to the built-in types seeded by the migration.</summary>
    public const int FirstCustomTypeId = 100;

    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AssetType>(type =>
        {
            type.ToTable("AssetTypes");
            type.Property(t => t.Code).HasMaxLength(AssetType.CodeMaxLength);
            type.HasIndex(t => t.Code).IsUnique();
            type.Property(t => t.NameZh).HasMaxLength(AssetType.NameMaxLength);
            type.Property(t => t.NameEn).HasMaxLength(AssetType.NameMaxLength);
            if (database == DatabaseKind.Postgres)
            {
                // The seeded rows take explicit ids, which an identity sequence does not see: start it past them.
                type.Property(t => t.Id).HasIdentityOptions(startValue: FirstCustomTypeId);
            }

            type.HasData(AssetType.BuiltIns);
        });

        modelBuilder.Entity<Asset>(asset =>
        {
            asset.ToTable("Assets");
            asset.Ignore(a => a.Location);
            asset.Ignore(a => a.IsAvailable);
            asset.Ignore(a => a.IsScrapped);
            asset.Ignore(a => a.HasNetworkIdentity);
            asset.Ignore(a => a.StandsAtDesignatedLocation);
            asset.Ignore(a => a.Name);
            asset.Property(a => a.Tag).HasMaxLength(Asset.TagMaxLength);
            asset.HasIndex(a => a.Tag).IsUnique();
            asset.Property(a => a.Make).HasMaxLength(Asset.TextMaxLength);
            asset.Property(a => a.Model).HasMaxLength(Asset.TextMaxLength);
            asset.Property(a => a.Serial).HasMaxLength(Asset.TextMaxLength);
            asset.Property(a => a.Supplier).HasMaxLength(Asset.TextMaxLength);
            asset.Property(a => a.PurchasePrice).HasPrecision(14, 2);
            asset.Property(a => a.ContractReference).HasMaxLength(Asset.ContractMaxLength);
            asset.Property(a => a.Campus).HasMaxLength(AssetLocation.PartMaxLength);
            asset.Property(a => a.Building).HasMaxLength(AssetLocation.PartMaxLength);
            asset.Property(a => a.Floor).HasMaxLength(AssetLocation.PartMaxLength);
            asset.Property(a => a.Room).HasMaxLength(AssetLocation.PartMaxLength);
            asset.Property(a => a.Rack).HasMaxLength(AssetLocation.PartMaxLength);
            asset.Property(a => a.RackUnit).HasMaxLength(AssetLocation.RackUnitMaxLength);
            asset.Property(a => a.DesignatedLocation).HasMaxLength(Asset.DesignatedLocationMaxLength);
            asset.Property(a => a.Hostname).HasMaxLength(Asset.HostnameMaxLength);
            asset.Property(a => a.MacAddress).HasMaxLength(Asset.MacMaxLength);
            asset.Property(a => a.Notes).HasMaxLength(Asset.NotesMaxLength);
            asset.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
            asset.HasIndex(a => a.Serial);
            asset.HasIndex(a => a.Hostname);
            asset.HasIndex(a => new { a.OwningDepartmentId, a.Id });
            asset.HasIndex(a => new { a.Status, a.Id });
            asset.HasIndex(a => new { a.TypeId, a.Id });
            asset.HasIndex(a => a.ResponsiblePersonId);
            asset.HasOne<AssetType>().WithMany().HasForeignKey(a => a.TypeId).OnDelete(DeleteBehavior.Restrict);
            asset.HasOne<Department>().WithMany().HasForeignKey(a => a.OwningDepartmentId).OnDelete(DeleteBehavior.Restrict);
            asset.HasOne<Account>().WithMany().HasForeignKey(a => a.CreatedById).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AssetEvent>(entry =>
        {
            entry.ToTable("AssetEvents");
            entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
            entry.Property(e => e.Text).HasMaxLength(AssetEvent.TextMaxLength);
            entry.Property(e => e.RefKind).HasMaxLength(AssetEvent.RefKindMaxLength);
            entry.HasIndex(e => new { e.AssetId, e.At, e.Id });
            entry.HasIndex(e => new { e.RefKind, e.RefId });
            entry.HasOne<Asset>().WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Restrict);
            entry.HasOne<Account>().WithMany().HasForeignKey(e => e.ActorAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        // The system id is the Systems module's: no foreign key into its table, the service checks it.
        modelBuilder.Entity<AssetSystem>(hosting =>
        {
            hosting.ToTable("AssetSystems");
            hosting.HasKey(h => new { h.AssetId, h.SystemId });
            hosting.HasIndex(h => h.SystemId);
            hosting.HasOne<Asset>().WithMany().HasForeignKey(h => h.AssetId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
