using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;

namespace Xinke.Kernel.Identity;

public sealed class IdentityModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Account>(account =>
        {
            account.ToTable("Accounts");
            account.Property(a => a.UserName).HasMaxLength(Account.UserNameMaxLength);
            account.Property(a => a.NormalizedUserName).HasMaxLength(Account.UserNameMaxLength);
            account.HasIndex(a => a.NormalizedUserName).IsUnique();
            account.Property(a => a.DisplayName).HasMaxLength(Account.DisplayNameMaxLength);
            account.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            account.Property(a => a.PasswordHash).HasMaxLength(200);
            account.Property(a => a.SecurityStamp).HasMaxLength(64);
            account.Property(a => a.LastLoginAddress).HasMaxLength(64);
            account.Property(a => a.BootstrapName).HasMaxLength(Account.UserNameMaxLength);
        });
        modelBuilder.Entity<PasswordHistoryEntry>(entry =>
        {
            entry.ToTable("PasswordHistory");
            entry.Property(e => e.PasswordHash).HasMaxLength(200);
            entry.HasIndex(e => new { e.AccountId, e.ChangedAt });
            entry.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RecoveryCode>(code =>
        {
            code.ToTable("RecoveryCodes");
            code.Property(c => c.CodeHash).HasMaxLength(64);
            code.HasIndex(c => new { c.AccountId, c.CodeHash });
            code.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Role>(role =>
        {
            role.ToTable("Roles");
            role.Property(r => r.Name).HasMaxLength(Role.NameMaxLength);
            role.HasIndex(r => r.Name).IsUnique();
            role.HasMany(r => r.Permissions).WithOne().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RolePermissionEntry>(permission =>
        {
            permission.ToTable("RolePermissions");
            permission.HasKey(p => new { p.RoleId, p.Permission });
            permission.Property(p => p.Permission).HasMaxLength(PermissionDeclaration.NameMaxLength);
        });
        modelBuilder.Entity<RoleAssignment>(assignment =>
        {
            assignment.ToTable("RoleAssignments");
            assignment.HasIndex(a => new { a.AccountId, a.RoleId, a.DepartmentId }).IsUnique();
            assignment.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
            assignment.HasOne(a => a.Role).WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
            assignment.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<AccessToken>(token =>
        {
            token.ToTable("AccessTokens");
            token.Property(t => t.Name).HasMaxLength(AccessToken.NameMaxLength);
            token.Property(t => t.SecretHash).HasMaxLength(64);
            token.HasIndex(t => t.SecretHash).IsUnique();
            token.HasIndex(t => t.AccountId);
            token.Property(t => t.Permissions).HasConversion(
                list => string.Join(' ', list),
                text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
                    list => list.ToList()))
                .HasMaxLength(4000);
            token.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LoginSession>(session =>
        {
            session.ToTable("LoginSessions");
            session.Property(s => s.Key).HasMaxLength(64);
            session.HasIndex(s => s.Key).IsUnique();
            session.HasIndex(s => new { s.AccountId, s.CreatedAt });
            session.Property(s => s.Factor).HasMaxLength(32);
            session.Property(s => s.Address).HasMaxLength(64);
            session.Property(s => s.PreviousLoginAddress).HasMaxLength(64);
            session.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoredKey>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
