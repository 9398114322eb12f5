using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>
/// Issues human codes per kind and year, unique and increasing. The counter row is bumped by an
/// atomic upsert. <see cref="NextAsync(string, CancellationToken)"/> bumps it inside the caller's
/// transaction: gap-free (a rolled back transaction gives its number back), but concurrent writers
/// of the kind queue on its row lock (PostgreSQL) or on the write lock that <c>BEGIN IMMEDIATE</c>
/// took (SQLite) until that transaction commits. <see cref="ReserveAsync"/> bumps it in a statement
/// of its own before the transaction, for the kinds filed at a high rate (tickets): the lock lasts
/// one statement, and a use case that fails after reserving leaves its number unused.
/// </summary>
public sealed class HumanCodes(XinkeDb db, TimeProvider clock, HospitalClock hospitalClock)
{
    public const string Table = "CodeCounters";

    /// <summary>Takes the next code of <paramref name="kind"/> in the hospital's current year. Call inside a transaction.</summary>
    public Task<string> NextAsync(string kind, CancellationToken cancellationToken) =>
        NextAsync(kind, hospitalClock.ToLocal(clock.GetUtcNow()).Year, cancellationToken);

    public async Task<string> NextAsync(string kind, int year, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A human code must be taken inside the transaction that stores its record.");
        }

        return Format(kind, year, await BumpAsync(kind, year, 1, cancellationToken));
    }

    /// <summary>
    /// Reserves the next code of <paramref name="kind"/> in the hospital's current year in a statement
    /// committed on its own, so no other writer waits for the caller's transaction. Call before that
    /// transaction begins: inside it, the counter would stay locked until the commit.
    /// </summary>
    public async Task<string> ReserveAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A code is reserved before the transaction that stores its record; inside it, take the next code instead.");
        }

        var year = hospitalClock.ToLocal(clock.GetUtcNow()).Year;
        return Format(kind, year, await BumpAsync(kind, year, 1, cancellationToken));
    }

    /// <summary>
    /// Takes the next <paramref name="count"/> codes of <paramref name="kind"/> in the hospital's
    /// current year at once, in order: one bump of the counter for a bulk path (an import) instead of
    /// one per record, as gap-free and unique as <see cref="NextAsync(string, CancellationToken)"/>.
    /// Call inside a transaction.
    /// </summary>
    public async Task<IReadOnlyList<string>> NextManyAsync(string kind, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Human codes must be taken inside the transaction that stores their records.");
        }

        var year = hospitalClock.ToLocal(clock.GetUtcNow()).Year;
        var last = await BumpAsync(kind, year, count, cancellationToken);
        return [.. Enumerable.Range(1, count).Select(i => Format(kind, year, last - count + i))];
    }

    private async Task<long> BumpAsync(string kind, int year, long count, CancellationToken cancellationToken) =>
        (await db.Database
            .SqlQuery<long>($"""
                INSERT INTO "CodeCounters" ("Kind", "Year", "Last") VALUES ({kind}, {year}, {count})
                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "CodeCounters"."Last" + {count}
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken))[0];

    public static string Format(string kind, int year, long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}-{year}-{number:D6}");
}
