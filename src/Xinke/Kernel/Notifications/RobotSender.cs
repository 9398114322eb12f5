using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Notifications;

/// <summary>
/// Chat-robot webhooks in each platform's text-message format: WeCom (企业微信), DingTalk (钉钉, signed
/// in the query) and Feishu (飞书, signed in the body). A call counts as acknowledged only when the
/// platform answers success (HTTP 2xx and error code 0), since all three answer 200 to refusals.
/// </summary>
public sealed class RobotSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider clock) : IChannelSender
{
    public bool Handles(Channel channel) => channel is Channel.WeCom or Channel.DingTalk or Channel.Feishu;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!options.Value.Robots.TryGetValue(message.Destination, out var robot))
        {
            return $"No robot named '{message.Destination}' is configured.";
        }

        var text = $"{message.Subject}\n{message.Body}";
        var now = clock.GetUtcNow();
        var (url, body) = robot.Kind switch
        {
            Channel.DingTalk => (Signed(robot, now), new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } }),
            Channel.Feishu => (robot.Url, Feishu(robot, now, text)),
            _ => (robot.Url, new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = text } }),
        };
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(url), body, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"HTTP {(int)response.StatusCode}: {Clip(answer)}";
            }

            return ErrorCode(answer) is 0 ? null : $"Refused: {Clip(answer)}";
        }
        catch (HttpRequestException ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Timed out.";
        }
    }

    private static string Signed(RobotOptions robot, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(robot.Secret))
        {
            return robot.Url;
        }

        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = robot.Url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return string.Create(CultureInfo.InvariantCulture, $"{robot.Url}{separator}timestamp={timestamp}&sign={RobotSignatures.DingTalk(robot.Secret, timestamp)}");
    }

    private static JsonObject Feishu(RobotOptions robot, DateTimeOffset now, string text)
    {
        var body = new JsonObject { ["msg_type"] = "text", ["content"] = new JsonObject { ["text"] = text } };
        if (!string.IsNullOrEmpty(robot.Secret))
        {
            var timestamp = now.ToUnixTimeSeconds();
            body["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            body["sign"] = RobotSignatures.Feishu(robot.Secret, timestamp);
        }

        return body;
    }

    /// <summary>WeCom and DingTalk answer <c>errcode</c>; Feishu <c>code</c> (older robots <c>StatusCode</c>).</summary>
    private static int? ErrorCode(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            foreach (var name in new[] { "errcode", "code", "StatusCode" })
            {
                if (json.RootElement.TryGetProperty(name, out var code) && code.TryGetInt32(out var value))
                {
                    return value;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300];
}
