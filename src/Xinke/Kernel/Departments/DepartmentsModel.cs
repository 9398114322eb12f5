using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Departments;

public sealed class DepartmentsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Department>(department =>
        {
            department.ToTable("Departments");
            department.Property(d => d.Name).HasMaxLength(Department.NameMaxLength);
            department.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            department.Property(d => d.Path).HasMaxLength(400);
            department.HasIndex(d => d.Path);
            department.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
