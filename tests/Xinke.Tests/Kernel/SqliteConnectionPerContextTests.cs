using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

/// <summary>
/// On SQLite a context keeps the connection of its first statement until it ends, instead of
/// taking one from the pool and handing it back around every statement; its end hands it back.
/// </summary>
public sealed class SqliteConnectionPerContextTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task A_context_keeps_its_connection_between_statements_and_gives_it_back_at_its_end()
    {
        System.Data.Common.DbConnection connection;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
            connection = db.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Closed, connection.State);

            await db.Set<Account>().AsNoTracking().CountAsync(Cancel);
            Assert.Equal(ConnectionState.Open, connection.State);

            await db.Database.CloseConnectionAsync();
            await db.Set<Account>().AsNoTracking().AnyAsync(Cancel);
            Assert.Equal(ConnectionState.Open, connection.State);
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task A_transaction_s_end_leaves_the_connection_to_the_context()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await db.Set<Account>().AsNoTracking().CountAsync(Cancel);
            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        Assert.True(await db.Set<Account>().AsNoTracking().AnyAsync(Cancel));
    }
}
