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
/// the commit. Holding the events until the commit keeps the chain's head locked for the append
/// and the commit only, not for the whole use case, so audited writes of different records run
/// side by side until their last moment. A failure here fails the commit, and the change with it.
/// <para>
/// The head row is the one queue of every audited write, so the time it is held counts: the
/// writer remembers where it left the chain and appends from there with one statement that moves
/// the head only if it is still there (the move locks the row; on SQLite the transaction already
/// holds the write lock because it began IMMEDIATE) and inserts the events only if it moved. If
/// another instance or a transaction that rolled back left the head elsewhere, nothing is written
/// and the append starts again from the head read under its lock (<c>FOR UPDATE</c> on
/// PostgreSQL). Either way appends from any connection or instance queue up: no fork, no gap.
/// On PostgreSQL the appends of this process also take turns in memory, from the append to the
/// end of the commit, so that they wait here rather than on the row and the remembered end is
/// the real one: two round trips under the row's lock (the append, the commit) instead of three.
/// Every append is on the write path of every change, so it talks ADO.NET directly.
/// </para>
/// </summary>
public sealed class AuditWriter(TimeProvider clock, IOptions<AuditOptions> options) : DbTransactionInterceptor, IDisposable
{
    private static readonly string[] ColumnNames =
    [
        "Sequence", "OccurredAt", "ActorId", "ActorName", "ClientAddress", "UserAgent", "Action",
        "EntityType", "EntityId", "Changes", "Outcome", "RequirementIds", "PreviousHash", "Hash",
    ];

    private static readonly string Columns = string.Join(", ", ColumnNames.Select(c => $"\"{c}\""));

    private const int EventsPerStatement = 100;

    /// <summary>Events waiting for their transaction's commit, by the EF transaction (a new one per begin, unlike the driver's).</summary>
    private readonly ConditionalWeakTable<IDbContextTransaction, List<PendingEvent>> held = [];

    /// <summary>PostgreSQL appends of this process take turns, each from its append to the end of its commit.</summary>
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>
    /// Transactions that hold the head row's lock already (a history was appended in them): they do
    /// not wait for a turn, since the turn's holder may be waiting for their row.
    /// </summary>
    private readonly ConditionalWeakTable<IDbContextTransaction, object> holdingHead = [];

    /// <summary>The transaction whose turn it is; only it gives the turn back.</summary>
    private DbTransaction? turnHolder;

    /// <summary>Where this process last left the chain: a guess that the append's own statement checks.</summary>
    private volatile ChainEnd? lastEnd;

    /// <summary>The PostgreSQL column types of the events, for the typed rows of the conditional append.</summary>
    private string[]? columnTypes;

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
            var db = eventData.Context!;
            if (db.Database.IsNpgsql() && !holdingHead.TryGetValue(db.Database.CurrentTransaction!, out _))
            {
                await turn.WaitAsync(cancellationToken);
                turnHolder = transaction;
            }

            try
            {
                var now = CanonicalForm.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
                await ChainAsync(db, [.. waiting.Select(e => new HistoricalEvent(e, now))], fromLastEnd: true, cancellationToken);
            }
            catch
            {
                GiveTurnBack(transaction);
                throw;
            }
        }

        return result;
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return Take(eventData.Context) is null ? result : throw new InvalidOperationException("A transaction holding audit events commits with CommitAsync.");
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveTurnBack(transaction);
        return Task.CompletedTask;
    }

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        GiveTurnBack(transaction);
        return Task.CompletedTask;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    public void Dispose() => turn.Dispose();

    private void GiveTurnBack(DbTransaction transaction)
    {
        if (Interlocked.CompareExchange(ref turnHolder, null, transaction) == transaction)
        {
            turn.Release();
        }
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
        return ChainAsync(db, [.. events.Select(e => e with { OccurredAt = CanonicalForm.ToMicroseconds(e.OccurredAt) })], fromLastEnd: false, cancellationToken);
    }

    private async Task ChainAsync(DbContext db, IReadOnlyList<HistoricalEvent> events, bool fromLastEnd, CancellationToken cancellationToken)
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
        if (fromLastEnd && lastEnd is { } guess && (!postgres || events.Count <= EventsPerStatement))
        {
            var (guessedRows, guessedEnd) = Seal(events, guess);
            var appended = postgres
                ? await AppendIfHeadAtAsync(db, connection, transaction, guessedRows, guess, guessedEnd, cancellationToken)
                : await MoveHeadIfAtAsync(connection, transaction, guess, guessedEnd, cancellationToken)
                    && await InsertOneByOneAsync(connection, transaction, guessedRows, cancellationToken);
            if (appended)
            {
                lastEnd = guessedEnd;
                return;
            }
        }

        var head = await LockHeadAsync(connection, transaction, postgres, cancellationToken);
        if (postgres && !fromLastEnd)
        {
            holdingHead.AddOrUpdate(db.Database.CurrentTransaction!, head);
        }

        var (rows, end) = Seal(events, head);
        if (postgres)
        {
            await InsertInStatementsAsync(connection, transaction, rows, end, cancellationToken);
        }
        else
        {
            await InsertOneByOneAsync(connection, transaction, rows, cancellationToken);
            await using var moveHead = connection.CreateCommand();
            moveHead.Transaction = transaction;
            moveHead.CommandText = MoveHead(moveHead, end);
            await moveHead.ExecuteNonQueryAsync(cancellationToken);
        }

        lastEnd = end;
    }

    /// <summary>Seals the events in order after <paramref name="from"/>: their rows and the chain's new end.</summary>
    private static (List<object?[]> Rows, ChainEnd End) Seal(IReadOnlyList<HistoricalEvent> events, ChainEnd from)
    {
        var (sequence, hash, algorithm) = from;
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

        return (rows, new ChainEnd(sequence, hash, algorithm));
    }

    /// <summary>
    /// PostgreSQL, one statement: the head moves from <paramref name="from"/> to <paramref name="to"/>
    /// and the events are inserted only if it moved. Under READ COMMITTED a move that waited for
    /// another writer's commit sees the head that writer left, finds it elsewhere and moves nothing.
    /// The rows are cast to their columns' types because a row set built by VALUES, unlike an
    /// INSERT's own VALUES, does not take them from the table.
    /// </summary>
    private async Task<bool> AppendIfHeadAtAsync(DbContext db, DbConnection connection, DbTransaction transaction, List<object?[]> rows, ChainEnd from, ChainEnd to, CancellationToken cancellationToken)
    {
        var types = columnTypes ??= ColumnTypes(db);
        await using var append = connection.CreateCommand();
        append.Transaction = transaction;
        var sql = new StringBuilder("WITH moved AS (UPDATE \"AuditHeads\" SET \"Sequence\" = ")
            .Append(Parameter(append, "toSequence", to.Sequence)).Append(", \"Hash\" = ").Append(Parameter(append, "toHash", to.Hash))
            .Append(" WHERE \"Id\" = ").Append(AuditHead.SingletonId)
            .Append(" AND \"Sequence\" = ").Append(Parameter(append, "fromSequence", from.Sequence))
            .Append(" AND \"Hash\" = ").Append(Parameter(append, "fromHash", from.Hash)).Append(" RETURNING 1) ")
            .Append("INSERT INTO \"AuditEvents\" (").Append(Columns).Append(") SELECT * FROM (VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var v = 0; v < rows[i].Length; v++)
            {
                sql.Append(v == 0 ? string.Empty : ", ").Append(Parameter(append, $"p{i}_{v}", rows[i][v])).Append("::").Append(types[v]);
            }

            sql.Append(')');
        }

        append.CommandText = sql.Append(") AS events WHERE EXISTS (SELECT 1 FROM moved)").ToString();
        return await append.ExecuteNonQueryAsync(cancellationToken) == rows.Count;
    }

    /// <summary>SQLite: the transaction holds the write lock, so moving the head first and inserting after is as safe and one statement shorter than reading it.</summary>
    private static async Task<bool> MoveHeadIfAtAsync(DbConnection connection, DbTransaction transaction, ChainEnd from, ChainEnd to, CancellationToken cancellationToken)
    {
        await using var move = connection.CreateCommand();
        move.Transaction = transaction;
        move.CommandText = MoveHead(move, to) + $" AND \"Sequence\" = {Parameter(move, "fromSequence", from.Sequence)} AND \"Hash\" = {Parameter(move, "fromHash", from.Hash)}";
        return await move.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string[] ColumnTypes(DbContext db)
    {
        var events = db.Model.FindEntityType(typeof(AuditEvent))!;
        return [.. ColumnNames.Select(name => events.FindProperty(name)!.GetColumnType())];
    }

    private static string MoveHead(DbCommand command, ChainEnd to) =>
        $"UPDATE \"AuditHeads\" SET \"Sequence\" = {Parameter(command, "headSequence", to.Sequence)}, \"Hash\" = {Parameter(command, "headHash", to.Hash)} WHERE \"Id\" = {AuditHead.SingletonId}";

    /// <summary>
    /// PostgreSQL: many rows per statement, one round trip each, the last one moving the head too
    /// (parameters per statement are limited to 65,535, so large appends go in chunks).
    /// </summary>
    private static async Task InsertInStatementsAsync(DbConnection connection, DbTransaction transaction, List<object?[]> rows, ChainEnd end, CancellationToken cancellationToken)
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
                sql.Append("; ").Append(MoveHead(insert, end));
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
    private static async Task<bool> InsertOneByOneAsync(DbConnection connection, DbTransaction transaction, List<object?[]> rows, CancellationToken cancellationToken)
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

        return true;
    }

    private async Task<ChainEnd> LockHeadAsync(DbConnection connection, DbTransaction transaction, bool postgres, CancellationToken cancellationToken)
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

    private static async Task<ChainEnd?> SelectHeadAsync(DbConnection connection, DbTransaction transaction, bool postgres, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT \"Sequence\", \"Hash\", \"Algorithm\" FROM \"AuditHeads\" WHERE \"Id\" = {AuditHead.SingletonId}" + (postgres ? " FOR UPDATE" : string.Empty);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChainEnd(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
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
