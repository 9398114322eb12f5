using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;

namespace Xinke.Kernel.Evidence.Documents;

/// <summary>
/// Tells each document's owner, once per expiry date, that it is about to stop counting — early
/// enough (<c>Xinke:Evidence:ExpiryNoticeDays</c>) to renew it before the dashboard turns.
/// </summary>
public sealed class EvidenceDocumentExpiryJob : IRecurringJob
{
    public const string Kind = "evidence.document_expiring";

    public string Name => "evidence.document-expiry";

    public JobSchedule Schedule { get; } = JobSchedule.Cron("15 7 * * *");

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var system = ActorAccessor.Use(Actor.System);
        await NoticeAsync(services, cancellationToken);
    }

    public static async Task<int> NoticeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<XinkeDb>();
        var notifier = services.GetRequiredService<Notifier>();
        var today = services.GetRequiredService<EvidenceDocuments>().Today;
        var horizon = today.AddDays(services.GetRequiredService<IOptions<EvidenceOptions>>().Value.ExpiryNoticeDays);
        var expiring = await db.Set<EvidenceDocument>()
            .Where(d => d.ExpiresOn != null && d.ExpiresOn > today && d.ExpiresOn <= horizon && (d.ExpiryNoticeFor == null || d.ExpiryNoticeFor != d.ExpiresOn))
            .ToListAsync(cancellationToken);
        foreach (var document in expiring)
        {
            var expires = document.ExpiresOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var message = new NotificationMessage(Kind, notifier.Text("notice.evidence.document_expiring", document.Code, document.Title, expires), null, $"/compliance/documents/{document.Id}");
            await notifier.NotifyAsync(message, [document.OwnerAccountId], cancellationToken);
            document.ExpiryNoticeFor = document.ExpiresOn;
        }

        await db.SaveChangesAsync(cancellationToken);
        return expiring.Count;
    }
}
