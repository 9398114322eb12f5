namespace Xinke.Kernel.Evidence;

/// <summary>
/// The period (hospital-local dates, both inclusive) and optional department a compliance
/// question is asked for. <see cref="AsOf"/> is the instant the records are judged at: the end
/// of the period, or now when the period has not ended.
/// </summary>
public sealed record EvidenceQuery(DateOnly From, DateOnly To, long? DepartmentId, DateTime StartUtc, DateTime EndUtc, DateTime AsOf)
{
    public static EvidenceQuery For(DateOnly from, DateOnly to, long? departmentId, HospitalClock clock, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var start = clock.StartOfDayUtc(from);
        var end = clock.StartOfDayUtc(to.AddDays(1));
        return new EvidenceQuery(from, to, departmentId, start, end, end < nowUtc ? end : nowUtc);
    }
}
