namespace Xinke.Kernel.Obligations;

/// <summary>How an obligation's periods are written: a cron expression (Cronos) or an iCalendar RRULE (Ical.Net).</summary>
public enum ScheduleKind
{
    Cron,
    Rrule,
}

/// <summary>Who answers for an obligation: holders of a role, one person (account), or a department.</summary>
public enum OwnerKind
{
    Role,
    Person,
    Department,
}

/// <summary>
/// The status of one period, always computed from the evidence and the clock:
/// <list type="bullet">
/// <item><c>Due</c>: the period has not ended and no evidence closed it yet.</item>
/// <item><c>Done</c>: evidence inside the period, or inside the grace after it (then flagged late),
/// closed it — and, where the obligation requires it, someone other than the actor reviewed it.</item>
/// <item><c>Late</c>: the period ended, the grace has not, and nothing closed it.</item>
/// <item><c>Missed</c>: the grace ended without evidence. Evidence arriving later does not undo it.</item>
/// </list>
/// </summary>
public enum PeriodStatus
{
    Due,
    Done,
    Late,
    Missed,
}
