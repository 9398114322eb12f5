using Xinke.Data;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Records events that change no entity (logins, refusals, exports, verifications). Inside a
/// caller's transaction the event commits or rolls back with it; otherwise it is written in a
/// transaction of its own.
/// </summary>
public sealed class AuditLog(XinkeDb db, AuditWriter writer, ActorAccessor actors)
{
    public Task RecordAsync(string action, string outcome, CancellationToken cancellationToken, string? entityType = null, string? entityId = null, string? details = null, string? requirementIds = null) =>
        RecordAsync(new PendingEvent(actors.Current, action, outcome, entityType, entityId, details, requirementIds), cancellationToken);

    public async Task RecordAsync(PendingEvent pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (db.Database.CurrentTransaction is not null)
        {
            writer.Append(db, [pending]);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        writer.Append(db, [pending]);
        await transaction.CommitAsync(cancellationToken);
    }
}
