namespace Xinke.Kernel.Jobs;

/// <summary>
/// Who holds one unit of background work (a job's run or one item inside it) and until when.
/// <see cref="Token"/> grows with every acquisition: a holder whose lease was taken over sees
/// its token gone and must not commit (fencing).
/// </summary>
[Audit.NotAudited("Leases change on every tick of every instance; the work they guard is audited.")]
public sealed class JobLease
{
    public const int NameMaxLength = 200;
    public const int HolderMaxLength = 100;

    public required string Name { get; init; }

    public required string Holder { get; set; }

    public DateTime ExpiresAt { get; set; }

    public long Token { get; set; }
}
