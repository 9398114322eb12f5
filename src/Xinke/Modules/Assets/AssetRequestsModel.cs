using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets;

/// <summary>The tables of device requests (EQ-02) and the assets handed out on them.</summary>
public sealed class AssetRequestsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AssetRequest>(request =>
        {
            request.ToTable("AssetRequests");
            request.Ignore(r => r.Remaining);
            request.Ignore(r => r.IsTemporary);
            request.Property(r => r.Code).HasMaxLength(32);
            request.HasIndex(r => r.Code).IsUnique();
            request.Property(r => r.Purpose).HasMaxLength(AssetRequest.PurposeMaxLength);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
            request.Property(r => r.CloseReason).HasMaxLength(AssetRequest.ReasonMaxLength);
            request.HasIndex(r => new { r.DepartmentId, r.Id });
            request.HasIndex(r => new { r.FiledById, r.Id });
            request.HasIndex(r => new { r.PersonAccountId, r.Id });
            request.HasIndex(r => new { r.Status, r.Id });
            request.HasOne<AssetType>().WithMany().HasForeignKey(r => r.TypeId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.FiledById).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.PersonAccountId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.ClosedById).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<ApprovalRequest>().WithMany().HasForeignKey(r => r.ApprovalId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RequestId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AssetRequestItem>(item =>
        {
            item.ToTable("AssetRequestItems");
            item.HasIndex(i => new { i.RequestId, i.AssetId }).IsUnique();
            item.HasIndex(i => new { i.FulfilledAt, i.Id });
            item.HasIndex(i => i.AssetId);
            item.HasOne<Asset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Restrict);
            item.HasOne<Account>().WithMany().HasForeignKey(i => i.FulfilledById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
