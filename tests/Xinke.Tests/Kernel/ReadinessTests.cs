using System.Net;
using Npgsql;
using Xinke.Data;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

/// <summary>
/// <c>/readyz</c> asks the database on every probe: a server that stops taking connections makes the
/// installation unready at once (a load balancer takes it out), and ready again when it comes back.
/// Only a server database can be made to refuse; the embedded file is checked by the same statement.
/// </summary>
public sealed class ReadinessTests() : IntegrationTest(DatabaseKind.Postgres)
{
    [Fact]
    public async Task Readyz_answers_503_while_the_database_refuses_connections_and_200_when_it_takes_them_again()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/readyz", Cancel)).StatusCode);
        var server = App.Database.PostgresConnection!;
        var name = new NpgsqlConnectionStringBuilder(server).Database;

        await TestDatabases.ExecuteAsync(server, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await TestDatabases.ExecuteAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        NpgsqlConnection.ClearAllPools();
        var refused = await Client.GetAsync("/readyz", Cancel);

        await TestDatabases.ExecuteAsync(server, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        var back = await Client.GetAsync("/readyz", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("Unhealthy", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
