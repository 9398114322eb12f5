using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>The kernel's own tables.</summary>
public sealed class KernelDataModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CodeCounter>(counter =>
        {
            counter.ToTable(HumanCodes.Table);
            counter.HasKey(c => new { c.Kind, c.Year });
            counter.Property(c => c.Kind).HasMaxLength(16);
        });
    }
}
