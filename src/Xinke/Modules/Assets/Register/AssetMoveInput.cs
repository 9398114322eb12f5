using System.Text.Json.Serialization;

namespace Xinke.Modules.Assets.Register;

/// <summary>Where an asset goes; <see cref="Designate"/> makes it a key device's new designated place.</summary>
public sealed record AssetMoveInput(string? Campus, string? Building, string? Floor, string? Room, string? Rack, string? RackUnit, bool? Designate)
{
    [JsonIgnore]
    public AssetLocation Location => new(Campus, Building, Floor, Room, Rack, RackUnit);
}

/// <summary>Who answers for an asset and which department owns it.</summary>
public sealed record AssetAssignInput(long? PersonId, long? DepartmentId);

/// <summary>An engineer's journal note.</summary>
public sealed record AssetNoteInput(string? Text);
