namespace Xinke.Kernel.Jobs;

/// <summary>Background jobs (<c>Xinke:Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Xinke:Jobs";

    /// <summary>Off on an instance that should only serve requests; the others run the jobs.</summary>
    public bool Enabled { get; set; } = true;
}
