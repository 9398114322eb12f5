using Xinke.Kernel.Identity;
using static Xinke.Kernel.Identity.BuiltInRoles;

namespace Xinke.Kernel.Notifications;

public static class NotificationPermissions
{
    /// <summary>See undeliverable messages with their errors and send them again: the system administrator's duty.</summary>
    public const string Outbox = "notifications.outbox";

    public static IReadOnlyList<PermissionDeclaration> All { get; } =
    [
        new(Outbox, AdminDuty.System, SysAdmin),
    ];
}
