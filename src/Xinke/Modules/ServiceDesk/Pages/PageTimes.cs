using System.Globalization;
using Xinke.Kernel;

namespace Xinke.Modules.ServiceDesk.Pages;

/// <summary>Stored UTC times as the pages show them: in the hospital's zone, to the minute.</summary>
public static class PageTimes
{
    public static string Local(HospitalClock hospital, DateTime? utc)
    {
        ArgumentNullException.ThrowIfNull(hospital);
        return utc is { } at ? hospital.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;
    }
}
