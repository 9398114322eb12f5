namespace Xinke.Kernel.Web;

/// <summary>An entry of the main menu: a resource key for its text, where it leads, who sees it.</summary>
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
