namespace Xinke.Kernel.Identity;

/// <summary>Every permission the installation knows, from the kernel and each module (see <see cref="XinkeModules"/>).</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, PermissionDeclaration> byName;

    public PermissionCatalog(IEnumerable<PermissionDeclaration> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        byName = permissions.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var permission in byName.Values)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(permission.Name, "^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$")
                || permission.Name.Length > PermissionDeclaration.NameMaxLength)
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' is not of the form <module>.<action>.");
            }
        }
    }

    public IEnumerable<PermissionDeclaration> All => byName.Values;

    public bool Exists(string name) => byName.ContainsKey(name);

    public AdminDuty DutyOf(string name) => byName.TryGetValue(name, out var permission) ? permission.Duty : AdminDuty.None;

    public IEnumerable<string> OfBuiltInRole(string role) => byName.Values.Where(p => p.BuiltInRoles.Contains(role)).Select(p => p.Name);

    /// <summary>The administrator duties a set of permissions amounts to (more than one is refused).</summary>
    public IReadOnlySet<AdminDuty> DutiesOf(IEnumerable<string> permissions) =>
        permissions.Select(DutyOf).Where(d => d != AdminDuty.None).ToHashSet();
}
