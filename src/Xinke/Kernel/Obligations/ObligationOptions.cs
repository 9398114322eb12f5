using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel.Obligations;

/// <summary>Obligations (<c>Xinke:Obligations</c>).</summary>
public sealed class ObligationOptions
{
    public const string Section = "Xinke:Obligations";

    /// <summary>How often periods are made and statuses recorded; reads are exact in between.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromMinutes(5);
}
