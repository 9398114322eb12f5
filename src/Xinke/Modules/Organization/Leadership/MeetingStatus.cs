namespace Xinke.Modules.Organization.Leadership;

/// <summary>Draft while the minutes are written; published minutes are the record and never change.</summary>
public enum MeetingStatus
{
    Draft,
    Published,
}
