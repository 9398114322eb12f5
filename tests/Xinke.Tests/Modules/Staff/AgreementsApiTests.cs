using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Agreements;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>
/// The confidentiality agreement (ACC-01): versions never overwritten, electronic acceptance by the
/// signed-in person, and paper agreements recorded by their scan.
/// </summary>
public abstract class AgreementsApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    /// <summary>The address the test server's requests come from (a test server has none of its own).</summary>
    private const string RemoteAddress = "10.1.20.15";

    public sealed class OnSqlite() : AgreementsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AgreementsApiTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IStartupFilter, RemoteAddressFilter>();
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task An_electronic_acceptance_records_the_version_the_time_and_the_address()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var version = await PublishAsync(director, "保密协议");
        var account = await CreateUserAsync("lisi", BuiltInRoles.Staff);
        var person = await StaffTestRecords.PersonAsync(App, await StaffTestRecords.DepartmentAsync(App, "心血管内科"), "李四", accountId: account.Id);
        var user = await SignInAsync(account);

        var accepted = await PostAsync(user, "/api/v1/agreements/current/accept");

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var row = await WithDbAsync(db => db.Set<AgreementAcceptance>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((person, version, AcceptanceMethod.Electronic), (row.PersonId, row.VersionId, row.Method));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, row.AcceptedAt);
        Assert.Equal(RemoteAddress, row.Address);
        Assert.Equal(account.Id, row.RecordedById);
        var current = await user.GetFromJsonAsync<JsonElement>("/api/v1/agreements/current", Cancel);
        Assert.Equal(row.Id, current.GetProperty("myAcceptance").GetProperty("id").GetInt64());
        Assert.Equal(AgreementErrors.AlreadyAccepted, (await Problems.ReadAsync(await PostAsync(user, "/api/v1/agreements/current/accept"), HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task An_account_without_a_person_cannot_accept()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        await PublishAsync(director, "保密协议");
        var user = await SignInAsync(await CreateUserAsync("lisi", BuiltInRoles.Staff));

        var refused = await Problems.ReadAsync(await PostAsync(user, "/api/v1/agreements/current/accept"), HttpStatusCode.Conflict);

        Assert.Equal(AgreementErrors.NoPerson, refused.Code);
        Assert.Contains("ACC-01", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task Publishing_a_new_version_keeps_the_old_one_and_makes_the_new_one_current()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var first = await PublishAsync(director, "保密协议");
        var second = await PublishAsync(director, "保密协议（修订）");

        var versions = (await director.GetFromJsonAsync<JsonElement>("/api/v1/agreements/versions", Cancel)).EnumerateArray().ToList();

        Assert.Equal([second, first], versions.Select(v => v.GetProperty("id").GetInt64()));
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal([true, false], versions.Select(v => v.GetProperty("current").GetBoolean()));
        Assert.Equal("保密协议", versions[1].GetProperty("title").GetString());
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{await StaffTestRecords.DepartmentAsync(App, "心血管内科")}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(liaison, "/api/v1/agreements/versions", new { title = "擅自修改", body = "……" })).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-01")]
    public async Task A_scan_acceptance_needs_a_scan_attached_to_that_person()
    {
        var cardiology = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        var surgery = await StaffTestRecords.DepartmentAsync(App, "普外科");
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var version = await PublishAsync(director, "保密协议");
        var signer = await StaffTestRecords.PersonAsync(App, cardiology, "李四");
        var other = await StaffTestRecords.PersonAsync(App, cardiology, "赵六");
        var outsider = await StaffTestRecords.PersonAsync(App, surgery, "孙八");
        var liaison = await SignInAsync(await CreateUserAsync("liaison", $"{BuiltInRoles.DeptLiaison}@{cardiology}"));
        var othersScan = await AttachmentUploads.AttachAsync(liaison, AgreementScanAttachments.OwnerType, other, "赵六-保密协议.pdf", "application/pdf", AttachmentUploads.Pdf());
        var text = await AttachmentUploads.AttachAsync(liaison, AgreementScanAttachments.OwnerType, signer, "说明.txt", "text/plain", "签字版另行提交"u8.ToArray());
        var scan = await AttachmentUploads.AttachAsync(liaison, AgreementScanAttachments.OwnerType, signer, "李四-保密协议.pdf", "application/pdf", AttachmentUploads.Pdf());

        var foreign = await Problems.ReadAsync(await RecordScanAsync(liaison, signer, version, othersScan), HttpStatusCode.BadRequest);
        var notAScan = await Problems.ReadAsync(await RecordScanAsync(liaison, signer, version, text), HttpStatusCode.BadRequest);
        var outOfScope = await Problems.ReadAsync(await RecordScanAsync(liaison, outsider, version, scan), HttpStatusCode.BadRequest);
        Assert.Equal(AgreementErrors.InvalidScan, foreign.Code);
        Assert.True(foreign.Errors.ContainsKey("attachmentId"));
        Assert.Equal(AgreementErrors.InvalidScan, notAScan.Code);
        Assert.Equal(AgreementErrors.UnknownPerson, outOfScope.Code);
        Assert.Equal(0, await WithDbAsync(db => db.Set<AgreementAcceptance>().CountAsync(Cancel)));

        var recorded = await RecordScanAsync(liaison, signer, version, scan);

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var row = await WithDbAsync(db => db.Set<AgreementAcceptance>().AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((AcceptanceMethod.SignedScan, scan, (string?)null), (row.Method, row.AttachmentId, row.Address));
        Assert.Equal(HttpStatusCode.OK, (await liaison.GetAsync(recorded.Headers.Location, Cancel)).StatusCode);
    }

    private static async Task<long> PublishAsync(HttpClient director, string title)
    {
        var published = await PostAsync(director, "/api/v1/agreements/versions", new { title, body = "本人对接触到的患者信息和医院数据负有保密义务。" });
        Assert.True(published.StatusCode == HttpStatusCode.Created, await published.Content.ReadAsStringAsync(Cancel));
        return (await published.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> RecordScanAsync(HttpClient client, long personId, long versionId, long attachmentId) =>
        PostAsync(client, "/api/v1/agreements/acceptances", new { personId, versionId, attachmentId, signedOn = "2026-03-01" });

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Parse(RemoteAddress);
                return following(context);
            });
            next(app);
        };
    }
}
