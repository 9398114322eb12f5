namespace Xinke.Modules.Organization.People;

/// <summary>Where a person stands with the hospital; a person who has left keeps their record, never their access.</summary>
public enum PersonStatus
{
    Active,
    OnLeave,
    Left,
}
