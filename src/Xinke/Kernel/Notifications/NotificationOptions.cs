using System.ComponentModel.DataAnnotations;

namespace Xinke.Kernel.Notifications;

/// <summary><c>Xinke:Notifications</c>: delivery worker, SMTP server and chat robots.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Xinke:Notifications";

    /// <summary>Runs the delivery worker in this instance (every instance may; each message is delivered once).</summary>
    public bool DeliveryEnabled { get; set; } = true;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failed attempt; doubled after each further one.</summary>
    [Range(1, 86400)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>How long a claimed message stays with its instance before another may take it over.</summary>
    [Range(5, 3600)]
    public int ClaimSeconds { get; set; } = 120;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>The address people reach Xinke at (<c>https://xinke.hospital.local</c>), prefixed to links in e-mails and robot messages.</summary>
    public Uri? PublicUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Chat robots by name; each receives the kinds it lists.</summary>
    public Dictionary<string, RobotOptions> Robots { get; set; } = new(StringComparer.Ordinal);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c>.</summary>
    public string Security { get; set; } = "starttls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "xinke@localhost";
}

public sealed class RobotOptions
{
    public Channel Kind { get; set; }

    public required string Url { get; set; }

    /// <summary>The signing secret (DingTalk, Feishu); never logged.</summary>
    public string? Secret { get; set; }

    public List<string> Kinds { get; set; } = [];
}
