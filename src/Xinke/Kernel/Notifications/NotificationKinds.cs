namespace Xinke.Kernel.Notifications;

/// <summary>A kind of notification a module sends, with the resource key of its name for the preferences page.</summary>
public sealed record NotificationKind(string Kind, string TextKey, bool EmailByDefault = false);

/// <summary>The kinds the modules declared (<c>AddNotificationKind</c>); preferences exist per kind.</summary>
public sealed class NotificationKinds(IEnumerable<NotificationKind> kinds)
{
    public const int KindMaxLength = 64;

    public IReadOnlyList<NotificationKind> All { get; } = [.. kinds.OrderBy(k => k.Kind, StringComparer.Ordinal)];

    public NotificationKind? Find(string kind) => All.FirstOrDefault(k => k.Kind == kind);
}
