namespace Xinke.Kernel.Identity;

/// <summary>The stable codes of the identity area; each is also the resource key of its message.</summary>
public static class IdentityErrors
{
    public const string InvalidCredentials = "identity.invalid_credentials";
    public const string LockedOut = "identity.locked_out";
    public const string MfaRequired = "identity.mfa_required";
    public const string InvalidOtp = "identity.invalid_otp";
    public const string NotActive = "identity.not_active";
    public const string NotPending = "identity.not_pending";
    public const string NotDisabled = "identity.not_disabled";
    public const string SetupRequired = "identity.setup_required";
    public const string SeparationOfDuties = "identity.separation_of_duties";
    public const string SelfGrant = "identity.self_grant";
    public const string TokenExceedsOwner = "identity.token_exceeds_owner";
    public const string CrossSite = "request.cross_site";
    public const string TooManyAttempts = "identity.too_many_attempts";
    public const string InvalidUserName = "identity.invalid_user_name";
    public const string UserNameTaken = "identity.user_name_taken";
    public const string InvalidDisplayName = "identity.invalid_display_name";
    public const string WrongPassword = "identity.wrong_password";
    public const string PasswordTooShort = "identity.password_too_short";
    public const string PasswordTooSimple = "identity.password_too_simple";
    public const string PasswordContainsUserName = "identity.password_contains_user_name";
    public const string PasswordReused = "identity.password_reused";
    public const string MfaNotStarted = "identity.mfa_not_started";
    public const string MfaAlreadyEnrolled = "identity.mfa_already_enrolled";
    public const string UnknownRole = "identity.unknown_role";
    public const string UnknownDepartment = "identity.unknown_department";
    public const string UnknownPermission = "identity.unknown_permission";
    public const string InvalidRoleName = "identity.invalid_role_name";
    public const string RoleNameTaken = "identity.role_name_taken";
    public const string InvalidTokenName = "identity.invalid_token_name";
    public const string InvalidTokenExpiry = "identity.invalid_token_expiry";

    public const string UnknownPerson = "identity.unknown_person";
    public const string PersonHasAccount = "identity.person_has_account";
}
