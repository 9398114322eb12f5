using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Access.Policy;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Access.Reviews;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access;

public sealed class AccessModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PermissionRequest>(request =>
        {
            request.ToTable("PermissionRequests");
            request.Property(r => r.Code).HasMaxLength(32);
            request.HasIndex(r => r.Code).IsUnique();
            request.Property(r => r.RoleName).HasMaxLength(Role.NameMaxLength);
            request.Property(r => r.Purpose).HasMaxLength(PermissionRequest.PurposeMaxLength);
            request.Property(r => r.DataClasses).HasMaxLength(PermissionRequest.TextMaxLength);
            request.Property(r => r.Systems).HasMaxLength(PermissionRequest.TextMaxLength);
            request.Property(r => r.RevokeReason).HasMaxLength(PermissionRequest.ReasonMaxLength * 2);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            request.HasIndex(r => new { r.Status, r.EndsOn });
            request.HasIndex(r => new { r.PersonId, r.RoleId, r.DepartmentId });
            request.HasIndex(r => r.PersonDepartmentId);
            request.HasIndex(r => r.RequesterId);
            request.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Role>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Department>().WithMany().HasForeignKey(r => r.PersonDepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AccessReviewCampaign>(campaign =>
        {
            campaign.ToTable("AccessReviewCampaigns");
            campaign.Ignore(c => c.IsOpen);
            campaign.Property(c => c.Code).HasMaxLength(32);
            campaign.HasIndex(c => c.Code).IsUnique();
            campaign.Property(c => c.Period).HasMaxLength(AccessReviewCampaign.PeriodMaxLength);
            campaign.HasIndex(c => c.Period).IsUnique();
        });

        modelBuilder.Entity<AccessReviewLine>(line =>
        {
            line.ToTable("AccessReviewLines");
            line.Ignore(l => l.Flagged);
            line.Property(l => l.AccountName).HasMaxLength(Account.DisplayNameMaxLength);
            line.Property(l => l.RoleName).HasMaxLength(Role.NameMaxLength);
            line.Property(l => l.Reason).HasMaxLength(AccessReviewLine.ReasonMaxLength);
            line.Property(l => l.Answer).HasConversion<string>().HasMaxLength(16);
            line.Property(l => l.Escalation).HasConversion<string>().HasMaxLength(16);
            line.HasIndex(l => new { l.CampaignId, l.DepartmentId, l.Answer });
            line.HasOne<AccessReviewCampaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Restrict);
            line.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AccountFlag>(flag =>
        {
            flag.ToTable("AccountFlags");
            flag.Property(f => f.Reason).HasConversion<string>().HasMaxLength(16);
            flag.Property(f => f.Note).HasMaxLength(AccountFlag.NoteMaxLength);
            flag.HasIndex(f => new { f.AccountId, f.Reason });
            flag.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
