using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

/// <summary>
/// Every SQLite connection the application is handed carries its settings — foreign keys
/// enforced, the busy timeout, NORMAL synchronisation in WAL — whether the pool opened it just
/// now or hands it out again.
/// </summary>
public sealed class SqliteConnectionSettingsTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? Settings =>
        new Dictionary<string, string?> { ["Database:SqliteBusyTimeoutSeconds"] = "7" };

    [Fact]
    public async Task A_new_connection_and_a_pooled_one_both_carry_the_settings()
    {
        SqliteConnection.ClearAllPools();
        for (var round = 0; round < 3; round++)
        {
            var settings = await App.WithDbAsync(ReadSettingsAsync);

            Assert.Equal((1L, 7000L, 1L), settings);
        }
    }

    [Fact]
    public async Task Connections_open_side_by_side_each_carry_the_settings()
    {
        await using var first = App.Services.CreateAsyncScope();
        await using var second = App.Services.CreateAsyncScope();
        var one = first.ServiceProvider.GetRequiredService<XinkeDb>();
        var other = second.ServiceProvider.GetRequiredService<XinkeDb>();
        await one.Database.OpenConnectionAsync(Cancel);
        await other.Database.OpenConnectionAsync(Cancel);

        Assert.NotSame(one.Database.GetDbConnection(), other.Database.GetDbConnection());
        Assert.Equal((1L, 7000L, 1L), await ReadSettingsAsync(one));
        Assert.Equal((1L, 7000L, 1L), await ReadSettingsAsync(other));
    }

    private static async Task<(long ForeignKeys, long BusyTimeout, long Synchronous)> ReadSettingsAsync(XinkeDb db)
    {
        var foreignKeys = await ScalarAsync(db, "PRAGMA foreign_keys");
        var busyTimeout = await ScalarAsync(db, "PRAGMA busy_timeout");
        var synchronous = await ScalarAsync(db, "PRAGMA synchronous");
        return (foreignKeys, busyTimeout, synchronous);
    }

    private static async Task<long> ScalarAsync(XinkeDb db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(Cancel);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
