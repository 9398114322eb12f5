using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization;

public sealed class OrganizationModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("People");
            person.Property(p => p.EmployeeNumber).HasMaxLength(Person.EmployeeNumberMaxLength);
            person.HasIndex(p => p.EmployeeNumber).IsUnique();
            person.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
            person.HasIndex(p => p.Name);
            person.Property(p => p.Title).HasMaxLength(Person.TitleMaxLength);
            person.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            person.HasIndex(p => new { p.DepartmentId, p.Status });
            person.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });

        // An account belongs to at most one person and a person holds at most one account.
        modelBuilder.Entity<Account>(account =>
        {
            account.HasIndex(a => a.PersonId).IsUnique();
            account.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<DepartmentContacts>(contacts =>
        {
            contacts.ToTable("DepartmentContacts");
            contacts.HasKey(c => c.DepartmentId);
            contacts.HasOne<Department>().WithOne().HasForeignKey<DepartmentContacts>(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            contacts.HasOne<Person>().WithMany().HasForeignKey(c => c.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
            contacts.HasOne<Person>().WithMany().HasForeignKey(c => c.LiaisonPersonId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
