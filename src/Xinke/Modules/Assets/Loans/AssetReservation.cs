using Xinke.Data;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// A device held for a person over a future window [<see cref="StartsAt"/>, <see cref="EndsAt"/>):
/// no other reservation or loan may overlap it (touching windows may). Cancelled, never deleted.
/// </summary>
public sealed class AssetReservation : IVersioned
{
    public const int PurposeMaxLength = 500;

    public long Id { get; set; }

    public long AssetId { get; set; }

    public long PersonId { get; set; }

    /// <summary>The person's department when reserved: the department scope of the reservation.</summary>
    public long DepartmentId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public required string Purpose { get; set; }

    public DateTime CreatedAt { get; set; }

    public long CreatedById { get; set; }

    public DateTime? CancelledAt { get; set; }

    public long? CancelledById { get; set; }

    public long Version { get; set; }

    public bool IsActive => CancelledAt is null;

    /// <summary>Half-open windows overlap when each starts before the other ends.</summary>
    public bool Overlaps(DateTime from, DateTime until) => IsActive && StartsAt < until && from < EndsAt;
}
