using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Systems;

public sealed class SystemsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InformationSystem>(system =>
        {
            system.ToTable("InformationSystems");
            system.Ignore(s => s.RunsAroundTheClock);
            system.Property(s => s.Code).HasMaxLength(InformationSystem.CodeMaxLength);
            system.HasIndex(s => s.Code).IsUnique();
            system.Property(s => s.Name).HasMaxLength(InformationSystem.NameMaxLength);
            system.Property(s => s.Vendor).HasMaxLength(InformationSystem.VendorMaxLength);
            system.Property(s => s.FilingNumber).HasMaxLength(InformationSystem.FilingNumberMaxLength);
            system.Property(s => s.Description).HasMaxLength(InformationSystem.DescriptionMaxLength);
            system.Property(s => s.RetireReason).HasMaxLength(InformationSystem.ReasonMaxLength);
            system.Property(s => s.Criticality).HasConversion<string>().HasMaxLength(16);
            system.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            system.HasOne<Department>().WithMany().HasForeignKey(s => s.OwnerDepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
