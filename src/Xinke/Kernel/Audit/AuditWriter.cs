using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Appends events to the chain inside the caller's transaction, as its last statements before
/// the commit. The head row is locked first (<c>FOR UPDATE</c> on PostgreSQL; on SQLite the
/// transaction already holds the write lock because it began IMMEDIATE), so appends from any
/// connection or instance queue up: no fork, no gap. Holding the events until the commit keeps
/// that lock for the append and the commit only, not for the whole use case, so audited writes
/// of different records run side by side until their last moment. A failure here fails the
/// commit, and the change with it. Every append is on the write path of every change, so it
/// talks ADO.NET directly: one read of the head, then the inserts and the move of the head in as
/// few round trips as the database needs.
/// </summary>
public sealed class AuditWriter(TimeProvider clock, IOptions<AuditOptions> options) : DbTransactionInterceptor
{
    private const string Columns = "\"Sequence\", \"OccurredAt\", \"ActorId\", \"ActorName\", \"ClientAddress\", \"UserAgent\", \"Action\", " +
        "\"EntityType\", \"EntityId\", \"Changes\", \"Outcome\", \"RequirementIds\", \"PreviousHash\", \"Hash\"";

    private const int EventsPerStatement = 100;

    /// <summary>Events waiting for their transaction's commit, by the EF transaction (a new one per begin, unlike the driver's).</summary>
    private readonly ConditionalWeakTable<IDbContextTransaction, List<PendingEvent>> held = [];

    /// <summary>Holds events for the chain until the caller's transaction commits; they are sealed at its time.</summary>
    public void Append(DbContext db, IReadOnlyList<PendingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Audit events are appended inside the transaction of the change they record.");
        held.GetValue(transaction, _ => []).AddRange(events);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Take(eventData.Context) is { } waiting)
        {
            var now = CanonicalForm.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
            await ChainAsync(eventData.Context!, [.. waiting.Select(e => new HistoricalEvent(e, now))], cancellationToken);
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return Take(eventData.Context) is null ? result : throw new InvalidOperationException("A transaction holding audit events commits with CommitAsync.");
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private List<PendingEvent>? Take(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is not { } transaction)
        {
            return null;
        }

        return held.TryGetValue(transaction, out var waiting) && held.Remove(transaction) ? waiting : null;
    }

    /// <summary>
    /// Appends events that happened earlier, each at its own time (a history brought in whole, such as
    /// the demo hospital's past year). They are sealed and linked exactly like live events: the chain's
    /// order is the order of appending, so their times may lie before those of the events ahead of them.
    /// </summary>
    public Task AppendHistoryAsync(DbContext db, IReadOnlyList<HistoricalEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return ChainAsync(db, [.. events.Select(e => e with { OccurredAt = CanonicalForm.ToMicroseconds(e.OccurredAt) })], cancellationToken);
    }

    private async Task ChainAsync(DbContext db, IReadOnlyList<HistoricalEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (events.Count == 0)
        {
            throw new ArgumentException("No event to append.", nameof(events));
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit events are appended inside the transaction of the change they record.");
        var postgres = db.Database.IsNpgsql();
        var connection = transaction.Connection!;
        var (sequence, hash, algorithm) = await LockHeadAsync(connection, transaction, postgres, cancellationToken);
        var rows = new List<object?[]>(events.Count);
        foreach (var (pending, occurredAt) in events)
        {
            var unsigned = new AuditEvent
            {
                Sequence = sequence + 1,
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
                PreviousHash = hash,
                Hash = string.Empty,
            };
            var eventHash = ChainHash.Compute(algorithm, CanonicalForm.Of(unsigned));
            rows.Add(
            [
                unsigned.Sequence, unsigned.OccurredAt, unsigned.ActorId, unsigned.ActorName, unsigned.ClientAddress, unsigned.UserAgent, unsigned.Action,
                unsigned.EntityType, unsigned.EntityId, unsigned.Changes, unsigned.Outcome, unsigned.RequirementIds, unsigned.PreviousHash, eventHash,
            ]);
            sequence = unsigned.Sequence;
            hash = eventHash;
        }

        if (postgres)
        {
            await InsertInStatementsAsync(connection, transaction, rows, sequence, hash, cancellationToken);
        }
        else
        {
            await InsertOneByOneAsync(connection, transaction, rows, cancellationToken);
            await using var moveHead = connection.CreateCommand();
            moveHead.Transaction = transaction;
            moveHead.CommandText = MoveHead(moveHead, sequence, hash);
            await moveHead.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string MoveHead(DbCommand command, long sequence, string hash) =>
        $"UPDATE \"AuditHeads\" SET \"Sequence\" = {Parameter(command, "headSequence", sequence)}, \"Hash\" = {Parameter(command, "headHash", hash)} WHERE \"Id\" = {AuditHead.SingletonId};";

    /// <summary>
    /// PostgreSQL: many rows per statement, one round trip each, the last one moving the head too
    /// (parameters per statement are limited to 65,535, so large appends go in chunks).
    /// </summary>
    private static async Task InsertInStatementsAsync(DbConnection connection, DbTransaction transaction, List<object?[]> rows, long headSequence, string headHash, CancellationToken cancellationToken)
    {
        var chunks = rows.Chunk(EventsPerStatement).ToList();
        foreach (var chunk in chunks)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"AuditEvents\" (").Append(Columns).Append(") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (");
                for (var v = 0; v < chunk[i].Length; v++)
                {
                    sql.Append(v == 0 ? string.Empty : ", ").Append(Parameter(insert, $"p{i}_{v}", chunk[i][v]));
                }

                sql.Append(')');
            }

            if (chunk == chunks[^1])
            {
                sql.Append("; ").Append(MoveHead(insert, headSequence, headHash));
            }

            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// SQLite: one prepared single-row insert run per event. There is no round trip to save, and
    /// binding looks each parameter up by name among the statement's parameters, so a statement of
    /// hundreds of rows binds in quadratic time (about a millisecond per event at 500 rows).
    /// </summary>
    private static async Task InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, List<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        var parameters = new DbParameter[rows[0].Length];
        var sql = new StringBuilder("INSERT INTO \"AuditEvents\" (").Append(Columns).Append(") VALUES (");
        for (var v = 0; v < parameters.Length; v++)
        {
            sql.Append(v == 0 ? string.Empty : ", ").Append(Parameter(insert, $"p{v}", null));
            parameters[v] = insert.Parameters[v];
        }

        insert.CommandText = sql.Append(')').ToString();
        await insert.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var v = 0; v < row.Length; v++)
            {
                parameters[v].Value = row[v] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<(long Sequence, string Hash, string Algorithm)> LockHeadAsync(DbConnection connection, DbTransaction transaction, bool postgres, CancellationToken cancellationToken)
    {
        var head = await SelectHeadAsync(connection, transaction, postgres, cancellationToken);
        if (head is { } found)
        {
            return found;
        }

        // The installation's first event starts the chain with the configured hash; a concurrent
        // first writer waits on the row and then finds it.
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = $"INSERT INTO \"AuditHeads\" (\"Id\", \"Sequence\", \"Hash\", \"Algorithm\") VALUES ({AuditHead.SingletonId}, 0, {Parameter(create, "hash", ChainHash.Genesis)}, {Parameter(create, "algorithm", options.Value.HashAlgorithm)}) ON CONFLICT (\"Id\") DO NOTHING";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return await SelectHeadAsync(connection, transaction, postgres, cancellationToken)
            ?? throw new InvalidOperationException("The audit chain head could not be created.");
    }

    private static async Task<(long, string, string)?> SelectHeadAsync(DbConnection connection, DbTransaction transaction, bool postgres, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT \"Sequence\", \"Hash\", \"Algorithm\" FROM \"AuditHeads\" WHERE \"Id\" = {AuditHead.SingletonId}" + (postgres ? " FOR UPDATE" : string.Empty);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    private static string Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
