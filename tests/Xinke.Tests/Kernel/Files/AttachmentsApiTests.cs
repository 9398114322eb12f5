using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Files;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Files;

/// <summary>Attachments through the API: stored by content, typed by their bytes, shown only to those who see the record.</summary>
public abstract class AttachmentsApiTests(DatabaseKind kind) : AttachmentTest(kind)
{
    public sealed class OnSqlite() : AttachmentsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AttachmentsApiTests(DatabaseKind.Postgres);

    private const int Limit = 1024 * 1024;

    private string StoreRoot => Path.Combine(App.Database.DataFolder, "files");

    protected override void ConfigureFiles(FilesOptions options) => options.MaxBytes = Limit;

    [Fact]
    public async Task An_uploaded_file_downloads_as_the_same_bytes_with_its_type_as_an_attachment()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var bytes = Pdf("warranty");

        var created = await UploadedAsync(client, owner.Id, "保修卡 2026.pdf", bytes, "华为交换机保修卡");
        var id = created.GetProperty("id").GetInt64();
        var response = await client.GetAsync($"/api/v1/attachments/{id}/content", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("保修卡 2026.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Sm3Of(bytes), created.GetProperty("sm3").GetString());
        Assert.Equal("华为交换机保修卡", created.GetProperty("description").GetString());
        Assert.Equal([Path.Combine(StoreRoot, Sm3Of(bytes)[..2], Sm3Of(bytes)[2..4], Sm3Of(bytes))], StoredFiles(StoreRoot));
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.Action == AttachmentService.DownloadAction && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.ActorId == owner.Id, Cancel)));
    }

    [Fact]
    public async Task A_renamed_executable_is_refused_and_nothing_is_stored()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

        var refused = await Problems.ReadAsync(await UploadAsync(client, Upload(owner.Id, "合同扫描件.pdf", executable)), HttpStatusCode.BadRequest);

        Assert.Equal(AttachmentErrors.TypeNotAllowed, refused.Code);
        Assert.Contains("file", refused.Errors.Keys);
        Assert.Empty(StoredFiles(StoreRoot));
        Assert.False(await WithDbAsync(db => db.Set<Attachment>().AnyAsync(Cancel)));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_problem()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        Assert.Equal(Limit, App.Services.GetRequiredService<IOptions<FilesOptions>>().Value.MaxBytes);

        var refused = await Problems.ReadAsync(await UploadAsync(client, Upload(owner.Id, "big.txt", Encoding.ASCII.GetBytes(new string('a', Limit + 1)))), HttpStatusCode.RequestEntityTooLarge);
        var atTheLimit = await UploadAsync(client, Upload(owner.Id, "full.txt", Encoding.ASCII.GetBytes(new string('a', Limit))));

        Assert.Equal(AttachmentErrors.TooLarge, refused.Code);
        Assert.Contains("1 MB", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, atTheLimit.StatusCode);
        Assert.Single(StoredFiles(StoreRoot));
    }

    [Fact]
    public async Task The_same_content_is_stored_once_for_two_attachments()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var text = Encoding.UTF8.GetBytes("资产编号,名称\r\nA-001,核心交换机\r\n");

        var first = await UploadedAsync(client, owner.Id, "资产.csv", text);
        var second = await UploadedAsync(client, owner.Id, "资产副本.csv", text);

        Assert.NotEqual(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal("text/csv; charset=utf-8", first.GetProperty("contentType").GetString());
        Assert.Single(StoredFiles(StoreRoot));
    }

    [Fact]
    public async Task Someone_who_cannot_see_the_record_is_told_it_does_not_exist()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var id = (await UploadedAsync(await SignInAsync(owner), owner.Id, "a.pdf", Pdf("a"))).GetProperty("id").GetInt64();
        var stranger = await SignInAsync(await CreateUserAsync("lisi", "staff"));

        foreach (var url in new[] { $"/api/v1/attachments/{id}", $"/api/v1/attachments/{id}/content", $"/api/v1/attachments?ownerType=test-folder&ownerId={owner.Id}" })
        {
            Assert.Equal(AttachmentErrors.NotFound, (await Problems.ReadAsync(await stranger.GetAsync(url, Cancel), HttpStatusCode.NotFound)).Code);
        }

        Assert.Equal(AttachmentErrors.NotFound, (await Problems.ReadAsync(await UploadAsync(stranger, Upload(owner.Id, "b.pdf", Pdf("b"))), HttpStatusCode.NotFound)).Code);
        Assert.Equal(AttachmentErrors.NotFound, (await Problems.ReadAsync(await PostAsync(stranger, $"/api/v1/attachments/{id}/void", new { reason = "错误上传" }), HttpStatusCode.NotFound)).Code);
    }

    [Fact]
    public async Task A_reader_of_the_record_downloads_but_may_not_attach()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var id = (await UploadedAsync(await SignInAsync(owner), owner.Id, "a.pdf", Pdf("a"))).GetProperty("id").GetInt64();
        var reader = await SignInAsync(await CreateUserAsync("director", "it-director"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/attachments/{id}/content", Cancel)).StatusCode);
        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetInt64());
        await Problems.ReadAsync(await UploadAsync(reader, Upload(owner.Id, "b.pdf", Pdf("b"))), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_owner_type_without_a_policy_has_no_attachments_anyone_can_reach()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);

        var refused = await Problems.ReadAsync(await UploadAsync(client, Upload(owner.Id, "a.pdf", Pdf("a"), ownerType: "asset")), HttpStatusCode.NotFound);

        Assert.Equal(AttachmentErrors.NotFound, refused.Code);
        Assert.Empty(StoredFiles(StoreRoot));
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_which_stays_and_cannot_be_replaced_twice()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var first = (await UploadedAsync(client, owner.Id, "应急预案.pdf", Pdf("v1"))).GetProperty("id").GetInt64();

        var second = await UploadedAsync(client, owner.Id, "应急预案.pdf", Pdf("v2"), replaces: first);
        var again = await UploadAsync(client, Upload(owner.Id, "应急预案.pdf", Pdf("v3"), replaces: first));

        Assert.Equal(first, second.GetProperty("replacesId").GetInt64());
        Assert.Equal(AttachmentErrors.AlreadyReplaced, (await Problems.ReadAsync(again, HttpStatusCode.Conflict)).Code);
        Assert.Equal(Pdf("v1"), await client.GetByteArrayAsync($"/api/v1/attachments/{first}/content", Cancel));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/attachments?ownerType=test-folder&ownerId={owner.Id}", Cancel);
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_void_needs_a_reason_keeps_the_file_and_happens_once()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var id = (await UploadedAsync(client, owner.Id, "a.pdf", Pdf("a"))).GetProperty("id").GetInt64();

        Assert.Equal(AttachmentErrors.InvalidReason, (await Problems.ReadAsync(await PostAsync(client, $"/api/v1/attachments/{id}/void", new { reason = " " }), HttpStatusCode.BadRequest)).Code);
        var voided = await PostAsync(client, $"/api/v1/attachments/{id}/void", new { reason = "上传错了文件" });
        var twice = await PostAsync(client, $"/api/v1/attachments/{id}/void", new { reason = "再次作废" });

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal("上传错了文件", (await voided.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("voidReason").GetString());
        Assert.Equal(AttachmentErrors.AlreadyVoided, (await Problems.ReadAsync(twice, HttpStatusCode.Conflict)).Code);
        Assert.Equal(Pdf("a"), await client.GetByteArrayAsync($"/api/v1/attachments/{id}/content", Cancel));
        Assert.True(await WithDbAsync(db => db.Set<AuditEvent>().AnyAsync(e => e.EntityType == nameof(Attachment) && e.Action == AuditAction.Update && e.Changes!.Contains("VoidReason"), Cancel)));
    }

    [Fact]
    public async Task A_stored_file_that_was_altered_is_never_served()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);
        var id = (await UploadedAsync(client, owner.Id, "a.pdf", Pdf("original"))).GetProperty("id").GetInt64();
        var stored = StoredFiles(StoreRoot).Single();
        await File.WriteAllBytesAsync(stored, Pdf("altered!"), Cancel);

        var response = await client.GetAsync($"/api/v1/attachments/{id}/content", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("altered", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_upload_from_another_site_is_refused()
    {
        var owner = await CreateUserAsync("zhangsan", "staff");
        var client = await SignInAsync(owner);

        var response = await client.PostAsync(AttachmentsApi.Path, Upload(owner.Id, "a.pdf", Pdf("a")), Cancel);

        Assert.Equal("request.cross_site", (await Problems.ReadAsync(response, HttpStatusCode.Forbidden)).Code);
        Assert.Empty(StoredFiles(StoreRoot));
    }
}
