namespace Xinke.Kernel.Identity;

public sealed record UserRef(long Id, string UserName, string DisplayName);

public sealed record SessionDto(UserRef User, bool MustChangePassword, bool MustEnrollMfa);

public sealed record LastLoginDto(DateTime At, string? Address);

public sealed record MeDto(
    long Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<RoleRefDto> Roles,
    IReadOnlyList<string> Permissions,
    bool MustChangePassword,
    bool MustEnrollMfa,
    LastLoginDto? LastLogin,
    int FailuresSince);

public sealed record RoleRefDto(string Role, long? DepartmentId);

public sealed record PasswordChangeInput(string? CurrentPassword, string? NewPassword);

public sealed record TotpConfirmInput(string? Code);

public sealed record RecoveryCodesDto(IReadOnlyList<string> RecoveryCodes);

public sealed record TokenInput(string? Name, DateTime? ExpiresAt, IReadOnlyList<string>? Permissions);

public sealed record TokenDto(long Id, string Name, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static TokenDto From(AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.Name, token.Permissions, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
    }
}

public sealed record NewTokenDto(long Id, string Token, string Name, IReadOnlyList<string> Permissions, DateTime ExpiresAt);

public sealed record UserInput(string? UserName, string? DisplayName, long? PersonId);

public sealed record UserDto(
    long Id,
    string UserName,
    string DisplayName,
    long? PersonId,
    AccountState State,
    bool MustChangePassword,
    bool MfaEnrolled,
    DateTime? LockedUntil,
    DateTime? LastLoginAt,
    string? LastLoginAddress,
    DateTime CreatedAt)
{
    public static UserDto From(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.UserName, account.DisplayName, account.PersonId, account.State, account.MustChangePassword,
            account.MfaEnrolledAt is not null, account.LockedUntil, account.LastLoginAt, account.LastLoginAddress, account.CreatedAt);
    }
}

public sealed record NewUserDto(long Id, string UserName, string DisplayName, AccountState State, string OneTimePassword);

public sealed record RenameInput(string? UserName);

public sealed record OneTimePasswordDto(string OneTimePassword);

public sealed record AssignmentsInput(IReadOnlyList<AssignmentInput>? Assignments);

public sealed record AssignmentsDto(IReadOnlyList<RoleRefDto> Assignments);

public sealed record RoleInput(string? Name, IReadOnlyList<string>? Permissions, bool RequiresMfa);

public sealed record RoleDto(long Id, string Name, bool BuiltIn, bool RequiresMfa, IReadOnlyList<string> Permissions)
{
    public static RoleDto From(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new(role.Id, role.Name, role.BuiltIn, role.RequiresMfa, [.. role.Permissions.Select(p => p.Permission).Order(StringComparer.Ordinal)]);
    }
}
