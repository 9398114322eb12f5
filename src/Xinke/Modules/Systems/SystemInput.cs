using System.Text.Json;

namespace Xinke.Modules.Systems;

/// <summary>
/// Every editable field of a system, as the API's body, the page form and a merge patch carry
/// it: enums as their camelCase names, data classes as a list of names.
/// </summary>
public sealed record SystemInput(
    string? Code,
    string? Name,
    long? OwnerDepartmentId,
    string? Vendor,
    int? ProtectionLevel,
    string? FilingNumber,
    DateOnly? LastAssessedOn,
    IReadOnlyList<string>? DataClasses,
    bool? HoldsPersonalData,
    bool? HoldsHealthData,
    string? Criticality,
    int? RtoMinutes,
    int? RpoMinutes,
    string? Status,
    string? Description)
{
    public static SystemInput From(InformationSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new(
            system.Code,
            system.Name,
            system.OwnerDepartmentId,
            system.Vendor,
            system.ProtectionLevel,
            system.FilingNumber,
            system.LastAssessedOn,
            NamesOf(system.DataClasses),
            system.HoldsPersonalData,
            system.HoldsHealthData,
            NameOf(system.Criticality),
            system.RtoMinutes,
            system.RpoMinutes,
            NameOf(system.Status),
            system.Description);
    }

    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static IReadOnlyList<string> NamesOf(DataClasses classes) =>
        [.. Enum.GetValues<DataClasses>().Where(c => c != Systems.DataClasses.None && classes.HasFlag(c)).Select(NameOf)];

    /// <summary>The flags the names stand for; null when a name is unknown.</summary>
    public static DataClasses? ParseDataClasses(IReadOnlyList<string>? names)
    {
        var classes = Systems.DataClasses.None;
        foreach (var name in names ?? [])
        {
            if (!Enum.TryParse<DataClasses>(name, ignoreCase: true, out var one) || one == Systems.DataClasses.None || !Enum.IsDefined(one))
            {
                return null;
            }

            classes |= one;
        }

        return classes;
    }
}
