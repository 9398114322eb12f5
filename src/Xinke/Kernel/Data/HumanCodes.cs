using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>
/// Issues human codes per kind and year, gap-free and unique: the counter row is bumped by an
/// atomic upsert inside the caller's transaction, so concurrent writers queue on its row lock
/// (PostgreSQL) or on the write lock that <c>BEGIN IMMEDIATE</c> took (SQLite), and a rolled
/// back transaction gives its number back.
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

        var next = await db.Database
            .SqlQuery<long>($"""
                INSERT INTO "CodeCounters" ("Kind", "Year", "Last") VALUES ({kind}, {year}, 1)
                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "CodeCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return Format(kind, year, next[0]);
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
        var last = (await db.Database
            .SqlQuery<long>($"""
                INSERT INTO "CodeCounters" ("Kind", "Year", "Last") VALUES ({kind}, {year}, {(long)count})
                ON CONFLICT ("Kind", "Year") DO UPDATE SET "Last" = "CodeCounters"."Last" + {(long)count}
                RETURNING "Last" AS "Value"
                """)
            .ToListAsync(cancellationToken))[0];
        return [.. Enumerable.Range(1, count).Select(i => Format(kind, year, last - count + i))];
    }

    public static string Format(string kind, int year, long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kind}-{year}-{number:D6}");
}
