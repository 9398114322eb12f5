using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>Waits for a pack asked for through the API to be built, and downloads it.</summary>
public static class PackDownloads
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<PackDto> ReadyAsync(HttpClient client, string location)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var pack = (await client.GetFromJsonAsync<PackDto>(new Uri(location, UriKind.Relative), JsonSerializerOptions.Web, Cancel))!;
            if (pack.Status is "ready" or "failed")
            {
                Assert.Equal("ready", pack.Status);
                return pack;
            }

            await Task.Delay(100, Cancel);
        }

        throw new TimeoutException($"The pack at {location} was not ready in time.");
    }

    public static async Task<byte[]> DownloadAsync(HttpClient client, PackDto pack)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pack);
        var response = await client.GetAsync(new Uri(pack.Download!, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }
}

public sealed record PackDto(long Id, string Status, int Done, int Total, long? DepartmentId, string? ManifestSm3, string? Download);
