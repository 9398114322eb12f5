using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Xinke.Data;

/// <summary>
/// Every stored time is UTC. SQLite keeps no kind, so values read back are marked UTC here;
/// local values are converted before they are written.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
