using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;

namespace Xinke.Tests.Kernel.Files;

/// <summary>The attachments partial and the page its upload form posts to.</summary>
public sealed partial class AttachmentsPageTests() : AttachmentTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_owner_uploads_from_the_page_and_sees_the_file_listed()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var page = await client.GetStringAsync($"/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);
        Assert.Contains("attachment-upload-form", page, StringComparison.Ordinal);

        var posted = await PostFormAsync(client, page, owner.Id, "巡检记录.pdf", Pdf("inspection"));
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(posted.Headers.Location, Cancel));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("巡检记录.pdf", after, StringComparison.Ordinal);
        var id = await WithDbAsync(db => db.Set<Attachment>().Select(a => a.Id).SingleAsync(Cancel));
        Assert.Contains($"href=\"/api/v1/attachments/{id}/content\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_file_is_shown_as_an_error_on_the_page()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var page = await client.GetStringAsync($"/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);

        var posted = await PostFormAsync(client, page, owner.Id, "setup.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("不允许的文件类型", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Set<Attachment>().AnyAsync(Cancel)));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_stores_nothing()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);

        using var form = new MultipartFormDataContent { { new StringContent(TestFolderPolicy.Type), "ownerType" }, { new StringContent(owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "ownerId" }, { new ByteArrayContent(Pdf("x")), "file", "x.pdf" } };
        var response = await client.PostAsync("/attachments", form, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await WithDbAsync(db => db.Set<Attachment>().AnyAsync(Cancel)));
    }

    [Fact]
    public async Task A_record_the_caller_cannot_see_has_no_attachments_page()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var stranger = await SignInAsync(await CreateUserAsync("lisi", "staff"));

        var response = await stranger.GetAsync($"/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Posts the page's upload form as a browser would: its hidden fields (the antiforgery token among them) and the file.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, long ownerId, string fileName, byte[] bytes)
    {
        var start = page.IndexOf("data-testid=\"attachment-upload-form\"", StringComparison.Ordinal);
        Assert.True(start > 0, "The page shows no upload form.");
        var html = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        var form = new MultipartFormDataContent();
        foreach (Match hidden in HiddenPattern().Matches(html))
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(hidden.Groups["value"].Value), Encoding.UTF8), hidden.Groups["name"].Value);
        }

        Assert.Contains(ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        form.Add(new StringContent("月度巡检"), "description");
        form.Add(new ByteArrayContent(bytes), "file", fileName);
        using (form)
        {
            return await client.PostAsync("/attachments", form, Cancel);
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"|<input name=\"(?<name>__RequestVerificationToken)\" type=\"hidden\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
