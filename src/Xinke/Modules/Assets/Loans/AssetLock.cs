using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// Serialises the loans and reservations of one asset: the asset's row is locked inside the use
/// case's transaction (<c>FOR UPDATE</c> on PostgreSQL; on SQLite the transaction began IMMEDIATE and
/// already holds the write lock), so two overlapping reservations or loans made at once queue up and
/// the second sees the first: only one lands.
/// </summary>
public static class AssetLock
{
    public static async Task TakeAsync(XinkeDb db, long assetId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An asset is locked inside the transaction of the change.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "Assets" WHERE "Id" = {assetId} FOR UPDATE""").ToListAsync(cancellationToken);
        }
    }
}
