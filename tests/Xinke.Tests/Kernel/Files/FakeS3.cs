using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

/// <summary>
/// A tiny in-memory S3-compatible endpoint on a loopback port: path-style HEAD/GET/PUT of
/// objects, S3 XML errors for missing keys. It does not check signatures but records the
/// Authorization scheme each request carried, so tests can see requests were signed.
/// </summary>
public sealed class FakeS3 : IAsyncDisposable
{
    public const string Bucket = "xinke-attachments";
    public const string AccessKey = "test-access-key";
    public const string SecretKey = "test-secret-key-never-shown";

    private readonly WebApplication app;

    public FakeS3()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapMethods("/{bucket}/{**key}", [HttpMethods.Head, HttpMethods.Get, HttpMethods.Put], HandleAsync);
        app.Start();
        ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string ServiceUrl { get; }

    /// <summary>Stored objects by <c>bucket/key</c>.</summary>
    public ConcurrentDictionary<string, byte[]> Objects { get; } = new();

    /// <summary>Each request as <c>METHOD /path</c> with the first word of its Authorization header.</summary>
    public ConcurrentQueue<(string Request, string? Authorization)> Requests { get; } = new();

    public S3StoreOptions Options(string? prefix = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        Prefix = prefix,
    };

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>As S3 answers for a single-part object: the quoted hex MD5 of its bytes (clients parse it).</summary>
#pragma warning disable CA5351 // S3's ETag is MD5 by definition; nothing here relies on it for security.
    private static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(MD5.HashData(bytes))}\"";
#pragma warning restore CA5351

    private async Task HandleAsync(HttpContext http, string bucket, string key)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        Requests.Enqueue(($"{http.Request.Method} /{bucket}/{key}", authorization.Length == 0 ? null : authorization.Split(' ')[0]));
        var name = $"{bucket}/{key}";
        if (HttpMethods.IsPut(http.Request.Method))
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            Objects[name] = body.ToArray();
            http.Response.Headers.ETag = ETagOf(Objects[name]);
            return;
        }

        if (!Objects.TryGetValue(name, out var bytes))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            if (HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.ContentType = "application/xml";
                await http.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>{key}</Key><BucketName>{bucket}</BucketName></Error>", http.RequestAborted);
            }

            return;
        }

        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = bytes.Length;
        http.Response.Headers.ETag = ETagOf(bytes);
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }
}
