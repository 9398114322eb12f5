namespace Xinke.Modules.Staff.Trainings;

/// <summary>How an enrolled person came out of a session; <see cref="Pending"/> until results are recorded.</summary>
public enum AttendanceResult
{
    Pending,
    Passed,
    Failed,
    Absent,
}
