using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Calendar;

public sealed class CalendarModel : IModelPart
{
    public void Configure(ModelBuilder modelBuilder, DatabaseKind database)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StoredHolidayYear>(year =>
        {
            year.ToTable("HolidayYears");
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
            year.Property(y => y.Content).HasMaxLength(20_000);
        });
    }
}
