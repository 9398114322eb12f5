namespace Xinke.Modules.Staff;

/// <summary>
/// The activation gate's record that an account was let through (ACC-01): which passed system-use
/// attendance and which agreement acceptance it rested on. Saved in the activation's transaction,
/// so every activation by the gate has one, and the evidence can tell gated activations apart.
/// </summary>
public sealed class ActivationClearance
{
    public long Id { get; set; }

    public long AccountId { get; set; }

    public long PersonId { get; set; }

    public long AttendanceId { get; set; }

    public long AcceptanceId { get; set; }

    public DateTime ClearedAt { get; set; }
}
