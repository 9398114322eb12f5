namespace Xinke.Data;

/// <summary>
/// A record edited under optimistic concurrency: its version is the strong ETag clients send
/// back in <c>If-Match</c>, and a save against an older version is refused.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
