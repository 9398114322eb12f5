using Xinke.Kernel.Improvements;

namespace Xinke.Modules.Organization.Leadership;

public sealed record MemberDto(long Id, long AccountId, string? AccountName, GroupPosition Position, DateOnly From, DateOnly? Until, string? EndReason, bool Active, long Version);

public sealed record MeetingDto(
    long Id,
    string Code,
    DateOnly HeldOn,
    string Place,
    string Title,
    IReadOnlyList<long> AttendeeIds,
    string? Minutes,
    MeetingStatus Status,
    DateTime? PublishedAt,
    long? PublishedById,
    DateTime CreatedAt,
    long Version)
{
    public static MeetingDto From(LeadershipMeeting m) => new(
        m.Id, m.Code, m.HeldOn, m.Place, m.Title, m.AttendeeIds, m.Minutes, m.Status, m.PublishedAt, m.PublishedById, m.CreatedAt, m.Version);
}

/// <summary>A decision as the lists show it: with its meeting and the state of the action that follows it up.</summary>
public sealed class DecisionRow
{
    public long Id { get; init; }

    public long MeetingId { get; init; }

    public string MeetingCode { get; init; } = string.Empty;

    public DateOnly HeldOn { get; init; }

    public string Text { get; init; } = string.Empty;

    public long OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public DateOnly DueDate { get; init; }

    public DateTime RecordedAt { get; init; }

    public long? ActionId { get; init; }

    public string? ActionCode { get; init; }

    public ImprovementStatus? ActionStatus { get; init; }
}

public sealed record DecisionDto(
    long Id,
    long MeetingId,
    string MeetingCode,
    string Text,
    long OwnerId,
    string? OwnerName,
    DateOnly DueDate,
    DateTime RecordedAt,
    long? ActionId,
    string? ActionCode,
    ImprovementStatus? ActionStatus,
    bool Open,
    bool Overdue)
{
    public static DecisionDto From(DecisionRow r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        var open = r.ActionStatus is not (ImprovementStatus.Verified or ImprovementStatus.Cancelled);
        return new(r.Id, r.MeetingId, r.MeetingCode, r.Text, r.OwnerId, r.OwnerName, r.DueDate, r.RecordedAt, r.ActionId, r.ActionCode, r.ActionStatus, open, open && r.DueDate < today);
    }
}

public sealed record MemberInput(long? AccountId, string? Position, DateOnly? From);

public sealed record EndMembershipInput(DateOnly? Until, string? Reason);

public sealed record MeetingInput(DateOnly? HeldOn, string? Place, string? Title, IReadOnlyList<long>? AttendeeIds, string? Minutes);

public sealed record DecisionInput(string? Text, long? OwnerId, DateOnly? DueDate);

/// <summary><c>?active=</c> for members.</summary>
public sealed record MemberFilter(bool? Active = null);

/// <summary><c>?status=draft|published&amp;year=</c> for meetings.</summary>
public sealed record MeetingFilter(string? Status = null, int? Year = null);

/// <summary><c>?open=&amp;overdue=&amp;meetingId=&amp;ownerId=</c> for decisions.</summary>
public sealed record DecisionFilter(bool? Open = null, bool? Overdue = null, long? MeetingId = null, long? OwnerId = null);
