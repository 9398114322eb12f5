using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Jobs;

public sealed class JobsModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<JobLease>(lease =>
        {
            lease.ToTable(JobLeases.Table);
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
            lease.Property(l => l.Holder).HasMaxLength(JobLease.HolderMaxLength);
        });
    }
}
