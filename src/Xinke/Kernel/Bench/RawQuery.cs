using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Bench;

/// <summary>
/// A scenario's query as raw ADO.NET: the SQL on the DbContext's own connection, each row
/// written straight to JSON, named by the query's column aliases. No EF query, no entity, no
/// serializer: the floor that the database and the driver impose. A query that reads from a
/// position (a deep page's keyset) names its parameters <c>@name</c>; each comes from the query
/// string's <c>name</c>, as a number when it reads as one, else as text.
/// </summary>
public static class RawQuery
{
    private const int FlushBytes = 16 * 1024;

    /// <summary>Maps <c>GET /bench/raw/{name}</c> answering <c>{ "items": [...] }</c> with the rows of <paramref name="sql"/>, its <c>@parameters</c> from the query string.</summary>
    public static RouteHandlerBuilder MapRawQuery(this IEndpointRouteBuilder routes, string name, string sql) =>
        routes.MapGet($"/raw/{name}", (XinkeDb db, HttpContext http) => WriteAsync(db, sql, http));

    private static async Task WriteAsync(XinkeDb db, string sql, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;

        // Opened through EF so the connection gets the same per-connection settings as every query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            foreach (var (name, values) in http.Request.Query.Where(p => sql.Contains("@" + p.Key, StringComparison.Ordinal)))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = long.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : values.ToString();
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.Body);
            json.WriteStartObject();
            json.WriteStartArray("items");
            while (await reader.ReadAsync(cancellationToken))
            {
                WriteRow(json, reader);
                if (json.BytesPending > FlushBytes)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void WriteRow(Utf8JsonWriter json, DbDataReader reader)
    {
        json.WriteStartObject();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            json.WritePropertyName(reader.GetName(i));
            switch (reader.GetValue(i))
            {
                case DBNull:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case double number:
                    json.WriteNumberValue(number);
                    break;
                case decimal number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case DateTime time:
                    json.WriteStringValue(time);
                    break;
                case var other:
                    json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndObject();
    }
}
