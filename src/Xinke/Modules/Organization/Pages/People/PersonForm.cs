using System.ComponentModel.DataAnnotations;

namespace Xinke.Modules.Organization.Pages.People;

/// <summary>The fields of the new-person and edit-person forms.</summary>
public sealed class PersonForm
{
    public string? EmployeeNumber { get; set; }

    public string? Name { get; set; }

    public long? DepartmentId { get; set; }

    public string? Title { get; set; }

    [DataType(DataType.PhoneNumber)]
    public string? Phone { get; set; }

    public long Version { get; set; }
}
