namespace Xinke.Modules.Staff.Trainings;

/// <summary>A new session; kind is taken as text in any case, so the camelCase names the JSON uses work.</summary>
public sealed record SessionInput(
    string? Kind,
    long? SystemId,
    string? Title,
    DateOnly? HeldOn,
    decimal? Hours,
    string? Place,
    string? Trainer,
    long? OrganisingDepartmentId,
    string? Notes);

/// <summary>The fields of a session that may change (JSON merge patch: absent fields stay).</summary>
public sealed record SessionPatch(string? Title, DateOnly? HeldOn, decimal? Hours, string? Place, string? Trainer, string? Notes, long? SystemId);

public sealed record EnrolInput(IReadOnlyList<long>? PersonIds);

/// <summary>One person's result in a bulk recording.</summary>
public sealed record ResultLine(long PersonId, string? Result, decimal? Score, DateOnly? CertificateExpiresOn);

public sealed record ResultsInput(IReadOnlyList<ResultLine>? Results);

/// <summary>The register's filters besides the list's own: <c>?kind=&amp;systemId=&amp;from=&amp;to=</c>.</summary>
public sealed record SessionFilter(string? Kind = null, long? SystemId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>The attendance list's filters: <c>?sessionId=&amp;personId=&amp;result=&amp;departmentId=</c>.</summary>
public sealed record AttendanceFilter(long? SessionId = null, long? PersonId = null, string? Result = null, long? DepartmentId = null);
