using Microsoft.Extensions.Options;

namespace Xinke.Kernel;

/// <summary>Converts between UTC, in which everything is stored, and the hospital's local time.</summary>
public sealed class HospitalClock(IOptions<HospitalOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);
}
