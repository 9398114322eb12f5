using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Workflow;

public sealed class WorkflowModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ApprovalRequest>(request =>
        {
            request.ToTable("ApprovalRequests");
            request.Property(r => r.Code).HasMaxLength(32);
            request.HasIndex(r => r.Code).IsUnique();
            request.Property(r => r.Kind).HasMaxLength(ApprovalRequest.KindMaxLength);
            request.Property(r => r.SubjectModule).HasMaxLength(ApprovalRequest.ModuleMaxLength);
            request.Property(r => r.SubjectEntity).HasMaxLength(ApprovalRequest.ModuleMaxLength);
            request.Property(r => r.SubjectId).HasMaxLength(ApprovalRequest.EntityIdMaxLength);
            request.Property(r => r.SubjectCode).HasMaxLength(ApprovalRequest.SubjectCodeMaxLength);
            request.Property(r => r.SubjectSummary).HasMaxLength(ApprovalRequest.SummaryMaxLength);
            request.Property(r => r.Amount).HasPrecision(18, 2);
            request.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            request.HasIndex(r => new { r.State, r.Deadline });
            request.HasIndex(r => r.RequesterId);
            request.HasIndex(r => new { r.SubjectModule, r.SubjectEntity, r.SubjectId });
            request.Ignore(r => r.Subject);
            request.Ignore(r => r.ActiveStep);
            request.HasOne<Account>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
            request.HasOne<Department>().WithMany().HasForeignKey(r => r.SubjectDepartmentId).OnDelete(DeleteBehavior.Restrict);
            request.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
            request.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ApprovalStep>(step =>
        {
            step.ToTable("ApprovalSteps");
            step.Property(s => s.Permission).HasMaxLength(PermissionDeclaration.NameMaxLength);
            step.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            step.HasIndex(s => new { s.State, s.Permission });
            step.HasIndex(s => new { s.RequestId, s.Order }).IsUnique();
            step.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ApprovalDecision>(decision =>
        {
            decision.ToTable("ApprovalDecisions");
            decision.Property(d => d.Verdict).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.Comment).HasMaxLength(ApprovalDecision.CommentMaxLength);
            decision.Property(d => d.Permission).HasMaxLength(PermissionDeclaration.NameMaxLength);
            decision.HasIndex(d => new { d.RequestId, d.AccountId }).IsUnique();
            decision.HasIndex(d => d.AccountId);
            decision.HasOne<ApprovalStep>().WithMany().HasForeignKey(d => d.StepId).OnDelete(DeleteBehavior.Restrict);
            decision.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ApprovalPolicy>(policy =>
        {
            policy.ToTable("ApprovalPolicies");
            policy.Property(p => p.Kind).HasMaxLength(ApprovalRequest.KindMaxLength);
            policy.HasIndex(p => p.Kind).IsUnique();
            policy.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PolicyId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ApprovalPolicyStep>(step =>
        {
            step.ToTable("ApprovalPolicySteps");
            step.Property(s => s.Permission).HasMaxLength(PermissionDeclaration.NameMaxLength);
            step.Property(s => s.MinAmount).HasPrecision(18, 2);
            step.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
