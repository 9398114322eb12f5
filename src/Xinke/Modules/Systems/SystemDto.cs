namespace Xinke.Modules.Systems;

public sealed record SystemDto(
    long Id,
    string Code,
    string Name,
    long OwnerDepartmentId,
    string? OwnerDepartmentName,
    string? Vendor,
    int ProtectionLevel,
    string? FilingNumber,
    DateOnly? LastAssessedOn,
    DateOnly? NextAssessmentDue,
    bool AssessmentOverdue,
    IReadOnlyList<string> DataClasses,
    bool HoldsPersonalData,
    bool HoldsHealthData,
    SystemCriticality Criticality,
    bool RunsAroundTheClock,
    int RtoMinutes,
    int RpoMinutes,
    SystemStatus Status,
    DateTime? RetiredAt,
    string? RetireReason,
    string? Description,
    DateTime CreatedAt,
    long Version)
{
    public static SystemDto From(InformationSystem s, DateOnly today, SystemsOptions options, IReadOnlyDictionary<long, string> departments)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(departments);
        return new(
            s.Id,
            s.Code,
            s.Name,
            s.OwnerDepartmentId,
            departments.GetValueOrDefault(s.OwnerDepartmentId),
            s.Vendor,
            s.ProtectionLevel,
            s.FilingNumber,
            s.LastAssessedOn,
            s.NextAssessmentDue(options),
            s.IsAssessmentOverdueOn(today, options),
            SystemInput.NamesOf(s.DataClasses),
            s.HoldsPersonalData,
            s.HoldsHealthData,
            s.Criticality,
            s.RunsAroundTheClock,
            s.RtoMinutes,
            s.RpoMinutes,
            s.Status,
            s.RetiredAt,
            s.RetireReason,
            s.Description,
            s.CreatedAt,
            s.Version);
    }
}

public sealed record RetireInput(string? Reason);

/// <summary>
/// The register's filters besides the list's own: <c>?criticality=&amp;level=&amp;status=&amp;departmentId=&amp;overdue=</c>.
/// Enums are taken as text in any case, so the camelCase names the JSON uses work.
/// </summary>
public sealed record SystemFilter(string? Criticality = null, int? Level = null, string? Status = null, long? DepartmentId = null, bool? Overdue = null);
