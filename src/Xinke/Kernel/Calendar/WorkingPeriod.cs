namespace Xinke.Kernel.Calendar;

/// <summary>A stretch of working time within a day, in the hospital's local time; <c>End</c> of 24:00 is written as <see cref="TimeOnly.MaxValue"/>.</summary>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End == TimeOnly.MaxValue ? TimeSpan.FromDays(1) - Start.ToTimeSpan() : End - Start;

    public TimeSpan EndOfDayOffset => End == TimeOnly.MaxValue ? TimeSpan.FromDays(1) : End.ToTimeSpan();
}
