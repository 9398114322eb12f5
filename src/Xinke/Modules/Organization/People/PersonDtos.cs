using System.Text.Json.Serialization;

namespace Xinke.Modules.Organization.People;

public sealed record PersonInput(string? EmployeeNumber, string? Name, long? DepartmentId, string? Title, string? Phone);

/// <summary>The changed fields of a person (JSON merge patch): a property left out stays as it is.</summary>
public sealed record PersonPatch(string? Name, long? DepartmentId, string? Title, string? Phone);

public sealed record PersonStatusInput(string? Status, DateOnly? LeftOn);

public sealed record PersonFilter(long? DepartmentId, string? Status);

/// <summary>A person as the API shows them: the phone in clear only to holders of <c>people.phone</c> for the person's department.</summary>
public sealed record PersonDto(
    long Id,
    string EmployeeNumber,
    string Name,
    long DepartmentId,
    string? DepartmentName,
    string? Title,
    string? Phone,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PersonStatus>))] PersonStatus Status,
    DateOnly? LeftOn,
    long? AccountId,
    long Version);
