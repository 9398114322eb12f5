using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Backup;

/// <summary>
/// SQLite's online backup API: pages are copied from a read transaction, so writers go on and the
/// copy is one consistent moment. Restore replaces the database file (and its WAL) of a stopped
/// installation.
/// </summary>
public sealed class SqliteSnapshot(XinkeDb db, DataFolder dataFolder) : IDatabaseSnapshot
{
    public string EntryName => BackupPaths.SqliteDatabase;

    public Task<int?> ServerMajorAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(null);

    public async Task WriteAsync(string file, CancellationToken cancellationToken)
    {
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task RestoreAsync(string file, CancellationToken cancellationToken)
    {
        // The context keeps its connection open until it ends (SqliteConnectionPerContext); this
        // one must let go of the old file now.
        await db.Database.GetDbConnection().CloseAsync();
        SqliteConnection.ClearAllPools();
        var live = dataFolder.SqliteFile;
        foreach (var companion in new[] { live + "-wal", live + "-shm" })
        {
            File.Delete(companion);
        }

        var staged = live + ".restoring";
        File.Copy(file, staged, overwrite: true);
        File.Move(staged, live, overwrite: true);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
