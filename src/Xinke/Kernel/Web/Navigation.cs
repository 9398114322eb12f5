using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Web;

/// <summary>
/// An entry of the main menu: a resource key for its text, where it leads, who sees it (holders of
/// <paramref name="Permission"/>, or every signed-in account when it is null).
/// </summary>
public sealed record NavigationItem(string TextKey, string Href, int Order, string? Permission = null);

/// <summary>The main menu. Modules add their entries when they register.</summary>
public sealed class Navigation
{
    private readonly List<NavigationItem> items = [];

    public IReadOnlyList<NavigationItem> Items => items;

    public Navigation Add(NavigationItem item)
    {
        items.Add(item);
        items.Sort((a, b) => a.Order.CompareTo(b.Order));
        return this;
    }
}

/// <summary>A count shown beside the menu entry leading to <see cref="Href"/> (for example requests waiting for the caller).</summary>
public interface INavigationBadge
{
    string Href { get; }

    Task<int> CountAsync(Caller caller, CancellationToken cancellationToken);
}
