using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk;

public sealed class ServiceDeskModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.ToTable("Tickets");
            ticket.Ignore(t => t.IsOpen);
            ticket.Ignore(t => t.Breached);
            ticket.Property(t => t.Code).HasMaxLength(32);
            ticket.HasIndex(t => t.Code).IsUnique();
            ticket.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            ticket.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength);
            ticket.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength);
            ticket.Property(t => t.Location).HasMaxLength(Ticket.LocationMaxLength);
            ticket.Property(t => t.Impact).HasConversion<string>().HasMaxLength(8);
            ticket.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(8);
            ticket.Property(t => t.Priority).HasConversion<string>().HasMaxLength(4);
            ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            ticket.Property(t => t.PendingReason).HasMaxLength(Ticket.ReasonMaxLength);
            ticket.Property(t => t.Cause).HasConversion<string>().HasMaxLength(16);
            ticket.Property(t => t.RootCause).HasMaxLength(Ticket.RootCauseMaxLength);
            ticket.Property(t => t.Resolution).HasMaxLength(Ticket.ResolutionMaxLength);
            ticket.Property(t => t.ReopenReason).HasMaxLength(Ticket.ReasonMaxLength);
            ticket.Property(t => t.RatingComment).HasMaxLength(Ticket.RatingCommentMaxLength);
            ticket.Property(t => t.SourceKind).HasMaxLength(Ticket.SourceKindMaxLength);

            // The queue's keyset orders (newest first, by due time) and its filters.
            ticket.HasIndex(t => new { t.Status, t.Id });
            ticket.HasIndex(t => new { t.AssigneeAccountId, t.Status });
            ticket.HasIndex(t => new { t.DepartmentId, t.Id });
            ticket.HasIndex(t => new { t.ReporterAccountId, t.Id });
            ticket.HasIndex(t => new { t.Status, t.ResolutionDueAt });
            ticket.HasIndex(t => new { t.SystemId, t.Id });
            ticket.HasIndex(t => new { t.SourceKind, t.SourceId }).IsUnique();
            ticket.HasIndex(t => t.CreatedAt);

            ticket.HasOne<Account>().WithMany().HasForeignKey(t => t.ReporterAccountId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Account>().WithMany().HasForeignKey(t => t.FiledByAccountId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Account>().WithMany().HasForeignKey(t => t.AssigneeAccountId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<TicketCategory>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<SupportGroup>().WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasOne<SlaPolicy>().WithMany().HasForeignKey(t => t.SlaPolicyId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketStatusChange>(change =>
        {
            change.ToTable("TicketStatusChanges");
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
            change.Property(c => c.Priority).HasConversion<string>().HasMaxLength(4);
            change.Property(c => c.Reason).HasMaxLength(TicketStatusChange.ReasonMaxLength);
            change.HasIndex(c => new { c.TicketId, c.Id });
            change.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
            change.HasOne<Account>().WithMany().HasForeignKey(c => c.ActorAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketComment>(comment =>
        {
            comment.ToTable("TicketComments");
            comment.Property(c => c.Text).HasMaxLength(TicketComment.TextMaxLength);
            comment.HasIndex(c => new { c.TicketId, c.Id });
            comment.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
            comment.HasOne<Account>().WithMany().HasForeignKey(c => c.AuthorAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketAsset>(asset =>
        {
            asset.ToTable("TicketAssets");
            asset.HasKey(a => new { a.TicketId, a.AssetId });
            asset.HasIndex(a => a.AssetId);
            asset.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SupportGroup>(group =>
        {
            group.ToTable("SupportGroups");
            group.Property(g => g.NameZh).HasMaxLength(SupportGroup.NameMaxLength);
            group.Property(g => g.NameEn).HasMaxLength(SupportGroup.NameMaxLength);
            group.HasIndex(g => g.NameZh).IsUnique();
            group.HasOne<Account>().WithMany().HasForeignKey(g => g.LeadAccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SupportGroupMember>(member =>
        {
            member.ToTable("SupportGroupMembers");
            member.HasKey(m => new { m.GroupId, m.AccountId });
            member.HasIndex(m => m.AccountId);
            member.HasOne<SupportGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
            member.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TicketCategory>(category =>
        {
            category.ToTable("TicketCategories");
            category.Property(c => c.NameZh).HasMaxLength(TicketCategory.NameMaxLength);
            category.Property(c => c.NameEn).HasMaxLength(TicketCategory.NameMaxLength);
            category.Property(c => c.Path).HasMaxLength(TicketCategory.PathMaxLength);
            category.HasIndex(c => c.Path);
            category.HasIndex(c => new { c.ParentId, c.NameZh }).IsUnique();
            category.HasOne<TicketCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<SlaPolicy>(policy =>
        {
            policy.ToTable("SlaPolicies");
            policy.Property(p => p.Name).HasMaxLength(SlaPolicy.NameMaxLength);
            policy.Property(p => p.Priority).HasConversion<string>().HasMaxLength(4);
            policy.HasIndex(p => new { p.Priority, p.Active });
            policy.HasOne<TicketCategory>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
