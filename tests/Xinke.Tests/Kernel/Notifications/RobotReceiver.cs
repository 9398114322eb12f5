using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Xinke.Tests.Kernel.Notifications;

/// <summary>A local webhook receiver standing in for a chat platform: refuses the first calls if told to, records the rest.</summary>
public sealed class RobotReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private RobotReceiver(WebApplication app) => this.app = app;

    /// <summary>How many calls are answered 500 before the receiver starts accepting.</summary>
    public int FailFirst { get; set; }

    public int Calls => calls;

    public ConcurrentQueue<(string Query, JsonObject Body)> Accepted { get; } = new();

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    /// <summary>Started before the app under test, whose options read <see cref="Url"/> at start-up.</summary>
    public static RobotReceiver Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new RobotReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            if (Interlocked.Increment(ref receiver.calls) <= receiver.FailFirst)
            {
                return Results.StatusCode(500);
            }

            receiver.Accepted.Enqueue((http.Request.QueryString.Value ?? string.Empty, body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.Start();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
