namespace Xinke.Modules.Organization.Posts;

/// <summary>A retired post keeps its record and its history of holders, and takes no new ones.</summary>
public enum PostStatus
{
    Active,
    Retired,
}
