namespace Xinke.Modules.Assets.History;

/// <summary>A timeline entry as the API returns it.</summary>
public sealed record AssetEventDto(long Id, DateTime At, string Kind, string Text, long? ActorAccountId, string? RefKind, long? RefId)
{
    public static AssetEventDto From(AssetEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.At, entry.Kind.ToString(), entry.Text, entry.ActorAccountId, entry.RefKind, entry.RefId);
    }
}
