using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Improvements;

namespace Xinke.Modules.Organization.Leadership;

public sealed class LeadershipModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<GroupMember>(member =>
        {
            member.ToTable("LeadershipMembers");
            member.Property(m => m.Position).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.EndReason).HasMaxLength(GroupMember.ReasonMaxLength);
            member.HasIndex(m => new { m.AccountId, m.Until });
            member.HasOne<Account>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<LeadershipMeeting>(meeting =>
        {
            meeting.ToTable("LeadershipMeetings");
            meeting.Ignore(m => m.AttendeeIds);
            meeting.Ignore(m => m.IsPublished);
            meeting.Property(m => m.Code).HasMaxLength(32);
            meeting.HasIndex(m => m.Code).IsUnique();
            meeting.Property(m => m.Place).HasMaxLength(LeadershipMeeting.PlaceMaxLength);
            meeting.Property(m => m.Title).HasMaxLength(LeadershipMeeting.TitleMaxLength);
            meeting.Property(m => m.Attendees).HasMaxLength(1000);
            meeting.Property(m => m.Minutes).HasMaxLength(LeadershipMeeting.MinutesMaxLength);
            meeting.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
            meeting.HasIndex(m => m.HeldOn);
        });

        modelBuilder.Entity<LeadershipDecision>(decision =>
        {
            decision.ToTable("LeadershipDecisions");
            decision.Property(d => d.Text).HasMaxLength(LeadershipDecision.TextMaxLength);
            decision.HasIndex(d => d.MeetingId);
            decision.HasIndex(d => d.DueDate);
            decision.HasOne<LeadershipMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
            decision.HasOne<Account>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
            decision.HasOne<ImprovementAction>().WithMany().HasForeignKey(d => d.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
