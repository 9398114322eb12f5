using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;

namespace Xinke.Modules.Assets;

/// <summary>The tables of loans (with their return inspections) and reservations.</summary>
public sealed class AssetLoansModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AssetLoan>(loan =>
        {
            loan.ToTable("AssetLoans");
            loan.Ignore(l => l.IsOpen);
            loan.Property(l => l.Code).HasMaxLength(AssetLoan.CodeMaxLength);
            loan.HasIndex(l => l.Code).IsUnique();
            loan.Property(l => l.ConditionOut).HasMaxLength(AssetLoan.TextMaxLength);
            loan.Property(l => l.Accessories).HasMaxLength(AssetLoan.TextMaxLength);
            loan.Property(l => l.ReturnCondition).HasMaxLength(AssetLoan.TextMaxLength);
            loan.Property(l => l.InspectionNotes).HasMaxLength(AssetLoan.NotesMaxLength);
            loan.Ignore(l => l.HomeLocation);
            loan.Property(l => l.HomeCampus).HasMaxLength(AssetLocation.PartMaxLength);
            loan.Property(l => l.HomeBuilding).HasMaxLength(AssetLocation.PartMaxLength);
            loan.Property(l => l.HomeFloor).HasMaxLength(AssetLocation.PartMaxLength);
            loan.Property(l => l.HomeRoom).HasMaxLength(AssetLocation.PartMaxLength);
            loan.Property(l => l.HomeRack).HasMaxLength(AssetLocation.PartMaxLength);
            loan.Property(l => l.HomeRackUnit).HasMaxLength(AssetLocation.RackUnitMaxLength);
            loan.HasIndex(l => new { l.AssetId, l.ReturnedAt });
            loan.HasIndex(l => new { l.ReturnedAt, l.DueAt });
            loan.HasIndex(l => new { l.BorrowerPersonId, l.Id });
            loan.HasIndex(l => new { l.DepartmentId, l.Id });
            loan.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Restrict);
            loan.HasOne<Department>().WithMany().HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            loan.HasOne<Department>().WithMany().HasForeignKey(l => l.HomeDepartmentId).OnDelete(DeleteBehavior.Restrict);
            loan.HasOne<Account>().WithMany().HasForeignKey(l => l.LentById).OnDelete(DeleteBehavior.Restrict);
            loan.HasOne<Account>().WithMany().HasForeignKey(l => l.InspectedById).OnDelete(DeleteBehavior.Restrict);
            loan.HasOne<AssetRepair>().WithMany().HasForeignKey(l => l.RepairId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AssetReservation>(reservation =>
        {
            reservation.ToTable("AssetReservations");
            reservation.Ignore(r => r.IsActive);
            reservation.Property(r => r.Purpose).HasMaxLength(AssetReservation.PurposeMaxLength);
            reservation.HasIndex(r => new { r.AssetId, r.StartsAt });
            reservation.HasIndex(r => new { r.PersonId, r.Id });
            reservation.HasIndex(r => new { r.DepartmentId, r.Id });
            reservation.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Restrict);
            reservation.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            reservation.HasOne<Account>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
            reservation.HasOne<Account>().WithMany().HasForeignKey(r => r.CancelledById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
