using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff;

public sealed class StaffModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<TrainingSession>(session =>
        {
            session.ToTable("TrainingSessions");
            session.Property(s => s.Code).HasMaxLength(32);
            session.HasIndex(s => s.Code).IsUnique();
            session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
            session.Property(s => s.Title).HasMaxLength(TrainingSession.TitleMaxLength);
            session.Property(s => s.Hours).HasPrecision(5, 1);
            session.Property(s => s.Place).HasMaxLength(TrainingSession.PlaceMaxLength);
            session.Property(s => s.Trainer).HasMaxLength(TrainingSession.TrainerMaxLength);
            session.Property(s => s.Notes).HasMaxLength(TrainingSession.NotesMaxLength);
            session.HasIndex(s => new { s.Kind, s.HeldOn });
            session.HasOne<InformationSystem>().WithMany().HasForeignKey(s => s.SystemId).OnDelete(DeleteBehavior.Restrict);
            session.HasOne<Department>().WithMany().HasForeignKey(s => s.OrganisingDepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TrainingAttendance>(attendance =>
        {
            attendance.ToTable("TrainingAttendances");
            attendance.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
            attendance.Property(a => a.Score).HasPrecision(7, 2);
            attendance.HasIndex(a => new { a.SessionId, a.PersonId }).IsUnique();
            attendance.HasIndex(a => new { a.PersonId, a.Result });
            attendance.HasIndex(a => a.DepartmentId);
            attendance.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
            attendance.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
            attendance.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<AgreementVersion>(version =>
        {
            version.ToTable("AgreementVersions");
            version.Property(v => v.Kind).HasConversion<string>().HasMaxLength(24);
            version.Property(v => v.Title).HasMaxLength(AgreementVersion.TitleMaxLength);
            version.Property(v => v.Body).HasMaxLength(AgreementVersion.BodyMaxLength);
            version.HasIndex(v => new { v.Kind, v.Number }).IsUnique();
        });

        modelBuilder.Entity<AgreementAcceptance>(acceptance =>
        {
            acceptance.ToTable("AgreementAcceptances");
            acceptance.Property(a => a.Method).HasConversion<string>().HasMaxLength(16);
            acceptance.Property(a => a.Address).HasMaxLength(AgreementAcceptance.AddressMaxLength);
            acceptance.HasIndex(a => new { a.PersonId, a.VersionId }).IsUnique();
            acceptance.HasIndex(a => a.DepartmentId);
            acceptance.HasOne(a => a.Version).WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
            acceptance.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
            acceptance.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            acceptance.HasOne<Attachment>().WithMany().HasForeignKey(a => a.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<ActivationClearance>(clearance =>
        {
            clearance.ToTable("ActivationClearances");
            clearance.HasIndex(c => c.AccountId);
            clearance.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
            clearance.HasOne<TrainingAttendance>().WithMany().HasForeignKey(c => c.AttendanceId).OnDelete(DeleteBehavior.Restrict);
            clearance.HasOne<AgreementAcceptance>().WithMany().HasForeignKey(c => c.AcceptanceId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
