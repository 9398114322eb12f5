using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Migrations;
using Xinke.Kernel.Data.Paging;

namespace Xinke.Kernel.Bench;

/// <summary>
/// The baselines scripts/bench measures in the same run as the product's endpoints: a trivial
/// answer of the same pipeline (the web stack's ceiling) and each scenario's query as raw
/// ADO.NET (the floor of data access). Mapped only when <c>Xinke:Bench:Enabled</c> is true.
/// </summary>
public static class BenchEndpoints
{
    public const string EnabledSetting = "Xinke:Bench:Enabled";

    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(EnabledSetting))
        {
            return app;
        }

        RefuseBeyondLoopback(app.Configuration);

        // Anonymous, because a load generator has no session; loopback is what keeps them private.
        var bench = app.MapGroup("/bench")
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(LoopbackOnlyAsync);
        bench.MapGet("/ping", Ping);
        bench.MapGet("/cursor/{list}", Cursor);
        bench.MapRawQuery("readyz", $"""SELECT "MigrationId" AS "migrationId" FROM "{HistoryRepository.DefaultTableName}" ORDER BY 1""");
        bench.MapCodeCountersScenario();
        bench.MapListFloors();
        return app;
    }

    private static string Ping() => "pong";

    /// <summary>
    /// The cursor a client would hold after reading up to (<paramref name="value"/>, <paramref name="id"/>)
    /// of a list in the given sort, made by the kernel's own encoder: scripts/bench reads a deep page
    /// without walking the thousands of pages before it. <paramref name="value"/> is the sort key as JSON.
    /// </summary>
    private static Results<ContentHttpResult, BadRequest> Cursor(string list, string sort, string value, long id)
    {
        try
        {
            using var key = JsonDocument.Parse(value);
            return TypedResults.Text(new CursorPosition(list, sort, key.RootElement.Clone(), id).Encode());
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
    }

    /// <summary>Fails at boot, like the plain-HTTP rule, when a configured address reaches beyond this machine.</summary>
    private static void RefuseBeyondLoopback(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"] ?? string.Empty));
        foreach (var url in urls)
        {
            var normalised = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri) || !uri.IsLoopback)
            {
                throw new InvalidOperationException(
                    $"{EnabledSetting} is true but Xinke listens on {url}: the bench endpoints are anonymous, so they are served only by a server that listens on loopback only.");
            }
        }
    }

    /// <summary>
    /// Addresses bound outside configuration (ports variables, a local reverse proxy) escape the
    /// boot check; a request that did not arrive over loopback gets the 404 of a missing route.
    /// A null address is an in-process or Unix-socket connection, local by construction.
    /// </summary>
    private static ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var connection = context.HttpContext.Connection;
        return IsLocal(connection.LocalIpAddress) && IsLocal(connection.RemoteIpAddress)
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.NotFound());
    }

    private static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);
}
