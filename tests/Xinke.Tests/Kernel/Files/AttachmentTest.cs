using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Base of the attachment tests: the test folder owner type, settings per test, upload helpers.</summary>
public abstract class AttachmentTest(DatabaseKind kind) : IdentityTest(kind)
{
    /// <summary>Set by a test class before the app starts (encryption, limits, a shared folder).</summary>
    protected virtual void ConfigureFiles(FilesOptions options)
    {
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddAttachmentOwner<TestFolderPolicy>();
        services.PostConfigure<FilesOptions>(ConfigureFiles);
    }

    protected static MultipartFormDataContent Upload(long ownerId, string fileName, byte[] bytes, string? description = null, long? replaces = null, string ownerType = TestFolderPolicy.Type)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(ownerType), "ownerType" },
            { new StringContent(ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ownerId" },
        };
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        if (replaces is not null)
        {
            form.Add(new StringContent(replaces.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "replaces");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Posts an upload as Xinke's own pages would (same origin, script request).</summary>
    protected static async Task<HttpResponseMessage> UploadAsync(HttpClient client, MultipartFormDataContent form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AttachmentsApi.Path) { Content = form };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request, Cancel);
    }

    protected static async Task<JsonElement> UploadedAsync(HttpClient client, long ownerId, string fileName, byte[] bytes, string? description = null, long? replaces = null)
    {
        var response = await UploadAsync(client, Upload(ownerId, fileName, bytes, description, replaces));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected static byte[] Pdf(string text) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Title ({text}) >> endobj\n%%EOF\n");

    protected static string Sm3Of(byte[] bytes)
    {
        var hasher = new Sm3Hasher();
        hasher.Append(bytes);
        return hasher.HexDigest();
    }

    /// <summary>The files the store holds (temporary files aside).</summary>
    protected static List<string> StoredFiles(string root) =>
        Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal))]
            : [];
}
