using System.Globalization;
using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// A meeting of the IT leadership group: when and where it was held, who attended, and its
/// minutes. Published minutes are the record (ORG-01): they never change; a correction is a new
/// decision of a later meeting.
/// </summary>
public sealed class LeadershipMeeting : IVersioned
{
    public const string CodeKind = "LDM";
    public const int TitleMaxLength = 200;
    public const int PlaceMaxLength = 100;
    public const int MinutesMaxLength = 20000;
    public const int MaxAttendees = 50;

    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The day the meeting was held, in the hospital's calendar.</summary>
    public DateOnly HeldOn { get; set; }

    public required string Place { get; set; }

    public required string Title { get; set; }

    /// <summary>Account ids of the members who attended, comma separated.</summary>
    public string? Attendees { get; set; }

    public string? Minutes { get; set; }

    public MeetingStatus Status { get; set; }

    public DateTime? PublishedAt { get; set; }

    public long? PublishedById { get; set; }

    public long? CreatedById { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<long> AttendeeIds =>
        string.IsNullOrEmpty(Attendees) ? [] : [.. Attendees.Split(',').Select(id => long.Parse(id, CultureInfo.InvariantCulture))];

    public bool IsPublished => Status == MeetingStatus.Published;

    /// <summary>Changes the draft; published minutes are refused (ORG-01), whatever the change.</summary>
    public Error? Edit(DateOnly? heldOn, string? place, string? title, IReadOnlyList<long>? attendees, string? minutes)
    {
        if (IsPublished)
        {
            return Error.Conflict(LeadershipErrors.MinutesPublished, LeadershipErrors.Requirement);
        }

        if (place is not null && !ValidPlace(place))
        {
            return Error.Invalid(LeadershipErrors.InvalidPlace, "place");
        }

        if (title is not null && !ValidTitle(title))
        {
            return Error.Invalid(LeadershipErrors.InvalidTitle, "title");
        }

        if (minutes?.Length > MinutesMaxLength)
        {
            return Error.Invalid(LeadershipErrors.InvalidMinutes, "minutes");
        }

        HeldOn = heldOn ?? HeldOn;
        Place = place?.Trim() ?? Place;
        Title = title?.Trim() ?? Title;
        Minutes = minutes is null ? Minutes : string.IsNullOrWhiteSpace(minutes) ? null : minutes.Trim();
        if (attendees is not null)
        {
            Attendees = JoinIds(attendees);
        }

        return null;
    }

    /// <summary>Publishes the minutes: only once, and only when there are minutes to publish.</summary>
    public Error? Publish(long actorId, DateTime now)
    {
        if (IsPublished)
        {
            return Error.Conflict(LeadershipErrors.MinutesPublished, LeadershipErrors.Requirement);
        }

        if (string.IsNullOrWhiteSpace(Minutes))
        {
            return Error.Conflict(LeadershipErrors.MinutesMissing, LeadershipErrors.Requirement);
        }

        Status = MeetingStatus.Published;
        PublishedAt = now;
        PublishedById = actorId;
        return null;
    }

    public static bool ValidTitle(string? title) => !string.IsNullOrWhiteSpace(title) && title.Trim().Length <= TitleMaxLength;

    public static bool ValidPlace(string? place) => !string.IsNullOrWhiteSpace(place) && place.Trim().Length <= PlaceMaxLength;

    public static string? JoinIds(IReadOnlyList<long> ids) =>
        ids.Count == 0 ? null : string.Join(',', ids.Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
