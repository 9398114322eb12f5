using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Files;

/// <summary>
/// The body limits only the real server enforces: uploads may be as large as an attachment plus
/// the multipart envelope, while every other endpoint keeps the small JSON limit.
/// </summary>
public sealed class UploadLimitTests() : AttachmentTest(DatabaseKind.Sqlite)
{
    private const int Limit = 1024 * 1024;

    protected override void ConfigureFiles(FilesOptions options) => options.MaxBytes = Limit;

    [Fact]
    public async Task On_kestrel_an_upload_is_judged_by_the_attachment_limit_and_a_larger_body_is_cut_off()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        await using var server = new XinkeApp(App.Database, ConfigureServices);
        server.UseKestrel(0);
        server.StartServer();
        var client = await SignInAsync(owner, server.CreateClient());

        // Over the JSON limit (1 MiB) yet within the attachment limit: accepted.
        var accepted = await UploadAsync(client, Upload(owner.Id, "near.txt", Encoding.ASCII.GetBytes(new string('a', Limit - 10))));
        var overAttachment = await UploadAsync(client, Upload(owner.Id, "over.txt", Encoding.ASCII.GetBytes(new string('b', Limit + 100))));
        var overEnvelope = await UploadAsync(client, Upload(owner.Id, "huge.txt", Encoding.ASCII.GetBytes(new string('c', 3 * Limit))));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(AttachmentErrors.TooLarge, (await Problems.ReadAsync(overAttachment, HttpStatusCode.RequestEntityTooLarge)).Code);
        Assert.Equal("request.too_large", (await Problems.ReadAsync(overEnvelope, HttpStatusCode.RequestEntityTooLarge)).Code);
    }

    [Fact]
    public async Task On_kestrel_other_endpoints_keep_the_small_body_limit()
    {
        var owner = await CreateUserAsync("sys1", "sysadmin");
        await using var server = new XinkeApp(App.Database, ConfigureServices);
        server.UseKestrel(0);
        server.StartServer();
        var client = await SignInAsync(owner, server.CreateClient());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/departments") { Content = JsonContent.Create(new { name = new string('x', 2 * 1024 * 1024), kind = "hospital" }) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        var response = await client.SendAsync(request, Cancel);

        Assert.Equal("request.too_large", (await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge)).Code);
    }
}
