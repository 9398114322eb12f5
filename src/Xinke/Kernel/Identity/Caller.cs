namespace Xinke.Kernel.Identity;

/// <summary>
/// Who is calling, worked out from the database at each request: rights taken away take
/// effect at once, for sessions and tokens alike.
/// </summary>
public sealed class Caller(
    Account account,
    IReadOnlyDictionary<string, IReadOnlyList<long?>> grants,
    long? tokenId,
    bool mustChangePassword,
    bool mustEnrollMfa,
    IReadOnlyList<CallerRole> roles)
{
    public Account Account { get; } = account;

    public long Id => Account.Id;

    public long? TokenId { get; } = tokenId;

    public bool ViaToken => TokenId is not null;

    public bool MustChangePassword { get; } = mustChangePassword;

    public bool MustEnrollMfa { get; } = mustEnrollMfa;

    public bool SetupRequired => MustChangePassword || MustEnrollMfa;

    public IReadOnlyList<CallerRole> Roles { get; } = roles;

    public IEnumerable<string> Permissions => grants.Keys;

    public bool Has(string permission) => grants.ContainsKey(permission);

    /// <summary>
    /// The departments whose records the permission reaches: null for the whole hospital (an
    /// unscoped assignment grants it), otherwise the roots of the caller's scoped assignments.
    /// </summary>
    public IReadOnlyList<long>? ScopeRootsOf(string permission)
    {
        if (!grants.TryGetValue(permission, out var departments))
        {
            return [];
        }

        return departments.Any(d => d is null) ? null : [.. departments.Select(d => d!.Value).Distinct()];
    }
}

public sealed record CallerRole(string Role, long? DepartmentId);
