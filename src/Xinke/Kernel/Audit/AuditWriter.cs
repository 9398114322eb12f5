using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Appends events to the chain inside the caller's transaction. The head row is locked first
/// (<c>FOR UPDATE</c> on PostgreSQL; on SQLite the transaction already holds the write lock
/// because it began IMMEDIATE), so appends from any connection or instance queue up: no fork,
/// no gap. A failure here fails the caller's change with it.
/// </summary>
public sealed class AuditWriter(TimeProvider clock, IOptions<AuditOptions> options)
{
    public async Task<AuditEvent> AppendAsync(DbContext db, IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events are appended inside the transaction of the change they record.");
        }

        var head = await LockHeadAsync(db, cancellationToken);
        var occurredAt = CanonicalForm.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        AuditEvent? last = null;
        foreach (var pending in events)
        {
            var unsigned = new AuditEvent
            {
                Sequence = head.Sequence + 1,
                OccurredAt = occurredAt,
                ActorId = pending.Actor.Id,
                ActorName = pending.Actor.Name,
                ClientAddress = pending.Actor.ClientAddress,
                UserAgent = pending.Actor.UserAgent,
                Action = pending.Action,
                EntityType = pending.EntityType,
                EntityId = pending.EntityId,
                Changes = pending.Changes,
                Outcome = pending.Outcome,
                RequirementIds = pending.RequirementIds,
                PreviousHash = head.Hash,
                Hash = string.Empty,
            };
            var hash = ChainHash.Compute(head.Algorithm, CanonicalForm.Of(unsigned));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEvents" ("Sequence", "OccurredAt", "ActorId", "ActorName", "ClientAddress", "UserAgent", "Action",
                  "EntityType", "EntityId", "Changes", "Outcome", "RequirementIds", "PreviousHash", "Hash")
                VALUES ({unsigned.Sequence}, {unsigned.OccurredAt}, {unsigned.ActorId}, {unsigned.ActorName}, {unsigned.ClientAddress}, {unsigned.UserAgent}, {unsigned.Action},
                  {unsigned.EntityType}, {unsigned.EntityId}, {unsigned.Changes}, {unsigned.Outcome}, {unsigned.RequirementIds}, {unsigned.PreviousHash}, {hash})
                """, cancellationToken);
            head.Sequence = unsigned.Sequence;
            head.Hash = hash;
            last = new AuditEvent
            {
                Sequence = unsigned.Sequence,
                OccurredAt = unsigned.OccurredAt,
                ActorName = unsigned.ActorName,
                Action = unsigned.Action,
                Outcome = unsigned.Outcome,
                PreviousHash = unsigned.PreviousHash,
                Hash = hash,
            };
        }

        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditHeads" SET "Sequence" = {head.Sequence}, "Hash" = {head.Hash} WHERE "Id" = {AuditHead.SingletonId}""", cancellationToken);
        return last ?? throw new ArgumentException("No event to append.", nameof(events));
    }

    private async Task<HeadRow> LockHeadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var head = await SelectHeadAsync(db, cancellationToken);
        if (head is not null)
        {
            return head;
        }

        // The installation's first event starts the chain with the configured hash; a concurrent
        // first writer waits on the row and then finds it.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AuditHeads" ("Id", "Sequence", "Hash", "Algorithm") VALUES ({AuditHead.SingletonId}, 0, {ChainHash.Genesis}, {options.Value.HashAlgorithm})
            ON CONFLICT ("Id") DO NOTHING
            """, cancellationToken);
        return await SelectHeadAsync(db, cancellationToken) ?? throw new InvalidOperationException("The audit chain head could not be created.");
    }

    private static async Task<HeadRow?> SelectHeadAsync(DbContext db, CancellationToken cancellationToken)
    {
        var rows = db.Database.IsNpgsql()
            ? await db.Database.SqlQuery<HeadRow>($"""SELECT "Sequence", "Hash", "Algorithm" FROM "AuditHeads" WHERE "Id" = {AuditHead.SingletonId} FOR UPDATE""").ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<HeadRow>($"""SELECT "Sequence", "Hash", "Algorithm" FROM "AuditHeads" WHERE "Id" = {AuditHead.SingletonId}""").ToListAsync(cancellationToken);
        return rows.Count == 1 ? rows[0] : null;
    }

    private sealed class HeadRow
    {
        public long Sequence { get; set; }

        public string Hash { get; set; } = string.Empty;

        public string Algorithm { get; set; } = string.Empty;
    }
}
