namespace Xinke.Modules.Staff.Agreements;

/// <summary>The stable codes of the agreements area; each is also the resource key of its message.</summary>
public static class AgreementErrors
{
    public const string NotFound = "agreement.not_found";
    public const string NoCurrentVersion = "agreement.no_current_version";
    public const string InvalidTitle = "agreement.invalid_title";
    public const string InvalidBody = "agreement.invalid_body";
    public const string InvalidEffectiveFrom = "agreement.invalid_effective_from";
    public const string NoPerson = "agreement.no_person";
    public const string UnknownPerson = "agreement.unknown_person";
    public const string UnknownVersion = "agreement.unknown_version";
    public const string InvalidScan = "agreement.invalid_scan";
    public const string InvalidSignedOn = "agreement.invalid_signed_on";
    public const string AlreadyAccepted = "agreement.already_accepted";

    /// <summary>A user signs a confidentiality agreement before the account is activated.</summary>
    public const string Requirement = "ACC-01";
}
