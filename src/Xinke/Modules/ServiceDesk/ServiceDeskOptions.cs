using System.ComponentModel.DataAnnotations;

namespace Xinke.Modules.ServiceDesk;

/// <summary>The service desk's settings (<c>Xinke:ServiceDesk</c>).</summary>
public sealed class ServiceDeskOptions
{
    public const string Section = "Xinke:ServiceDesk";

    /// <summary>How long after a resolution the ticket may still be reopened.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a resolution waits for the reporter's confirmation before the ticket closes by itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The share of a target used up at which the assignee is warned of a coming breach.</summary>
    [Range(0.1, 1.0)]
    public double WarnAt { get; set; } = 0.8;
}
