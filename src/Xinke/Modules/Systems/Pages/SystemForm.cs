namespace Xinke.Modules.Systems.Pages;

/// <summary>The fields of the new and edit forms, bound by their plain names (Code, Name…).</summary>
public sealed class SystemForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public long? OwnerDepartmentId { get; set; }

    public string? Vendor { get; set; }

    public int? ProtectionLevel { get; set; }

    public string? FilingNumber { get; set; }

    public DateOnly? LastAssessedOn { get; set; }

    public List<string> DataClasses { get; set; } = [];

    public bool HoldsPersonalData { get; set; }

    public bool HoldsHealthData { get; set; }

    public string? Criticality { get; set; }

    public int? RtoMinutes { get; set; }

    public int? RpoMinutes { get; set; }

    public string? Status { get; set; }

    public string? Description { get; set; }

    public static SystemForm From(SystemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new()
        {
            Code = input.Code,
            Name = input.Name,
            OwnerDepartmentId = input.OwnerDepartmentId,
            Vendor = input.Vendor,
            ProtectionLevel = input.ProtectionLevel,
            FilingNumber = input.FilingNumber,
            LastAssessedOn = input.LastAssessedOn,
            DataClasses = [.. input.DataClasses ?? []],
            HoldsPersonalData = input.HoldsPersonalData ?? false,
            HoldsHealthData = input.HoldsHealthData ?? false,
            Criticality = input.Criticality,
            RtoMinutes = input.RtoMinutes,
            RpoMinutes = input.RpoMinutes,
            Status = input.Status,
            Description = input.Description,
        };
    }

    public SystemInput ToInput() => new(
        Code, Name, OwnerDepartmentId, Vendor, ProtectionLevel, FilingNumber, LastAssessedOn, DataClasses, HoldsPersonalData, HoldsHealthData, Criticality, RtoMinutes, RpoMinutes, Status, Description);

    public bool Has(DataClasses dataClass) => DataClasses.Contains(SystemInput.NameOf(dataClass), StringComparer.OrdinalIgnoreCase);
}
