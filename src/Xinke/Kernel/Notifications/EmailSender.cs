using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Xinke.Kernel.Notifications;

/// <summary>E-mail over SMTP (MailKit). The outbox message id is the Message-ID, so a receiver can recognise a repeat.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options) : IChannelSender
{
    public bool Handles(Channel channel) => channel == Channel.Email;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return "No SMTP server is configured (Xinke:Notifications:Smtp:Host).";
        }

        var mail = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.Body }, MessageId = $"{message.MessageId:N}@xinke" };
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.Destination));
        using var client = new SmtpClient();
        try
        {
            var security = smtp.Security.ToUpperInvariant() switch
            {
                "NONE" => SecureSocketOptions.None,
                "TLS" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ProtocolException or CommandException or AuthenticationException or ParseException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
