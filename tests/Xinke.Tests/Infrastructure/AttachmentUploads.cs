using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Infrastructure;

/// <summary>Attaches a file to a record through the attachments API, as a module's page does.</summary>
public static class AttachmentUploads
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    public static byte[] Pdf() => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {Guid.NewGuid()}\n%%EOF\n");

    /// <summary>Uploads and returns the new attachment's id; fails the test unless it was created.</summary>
    public static async Task<long> AttachAsync(HttpClient client, string ownerType, long ownerId, string fileName, string contentType, byte[] bytes, long? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(ownerType), "ownerType" },
            { new StringContent(ownerId.ToString(CultureInfo.InvariantCulture)), "ownerId" },
        };
        if (replaces is { } previous)
        {
            form.Add(new StringContent(previous.ToString(CultureInfo.InvariantCulture)), "replaces");
        }

        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attachments") { Content = form };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        var cancel = TestContext.Current.CancellationToken;
        var response = await client.SendAsync(request, cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetInt64();
    }
}
