using Xinke.Data;
using Xinke.Kernel;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// One membership of the IT leadership group: an account (leaders and the IT director hold
/// accounts) in a position from one day until another. Ending a membership keeps the record,
/// so the group's history shows who decided what.
/// </summary>
public sealed class GroupMember : IVersioned
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public long AccountId { get; set; }

    public GroupPosition Position { get; set; }

    /// <summary>First day of the membership, in the hospital's calendar.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day of the membership; null while it lasts.</summary>
    public DateOnly? Until { get; set; }

    public string? EndReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }

    public bool IsActiveOn(DateOnly day) => From <= day && (Until is null || Until >= day);

    /// <summary>Ends the membership on <paramref name="until"/> (not before it began), saying why.</summary>
    public Error? End(DateOnly until, string? reason)
    {
        if (Until is not null)
        {
            return Error.Conflict(LeadershipErrors.MembershipEnded);
        }

        if (until < From)
        {
            return Error.Invalid(LeadershipErrors.InvalidDates, "until");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReasonMaxLength)
        {
            return Error.Invalid(LeadershipErrors.InvalidReason, "reason");
        }

        Until = until;
        EndReason = reason.Trim();
        return null;
    }
}
