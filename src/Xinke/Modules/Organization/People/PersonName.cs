namespace Xinke.Modules.Organization.People;

/// <summary>
/// Who a person is in a printed record: name and employee number (names repeat in a large
/// hospital, numbers do not). Nothing sensitive. Init properties, not a positional record, so a
/// query can filter on them after the projection.
/// </summary>
public sealed record PersonName
{
    public required long Id { get; init; }

    public required string EmployeeNumber { get; init; }

    public required string Name { get; init; }
}
