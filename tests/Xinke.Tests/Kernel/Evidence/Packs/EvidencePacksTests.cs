using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>
/// Evidence packs (ACR-02: materials collected, archived, kept confidential): asked for through
/// the API, built in the background, sealed with SM3 digests and the installation's SM2
/// signature, and checked by the verifier, which names every file changed, added or removed.
/// </summary>
public abstract class EvidencePacksTests(DatabaseKind kind) : IdentityTest(kind)
{
    private static readonly string[] Selection = ["ACC-03", "ACC-05", "NET-01", AttachedRecords.Requirement];
    private static readonly string[] Passwords = ["ACC-05"];
    private static readonly string[] Tampering = ["ACC-06"];
    private static readonly string[] Unknown = ["NOPE-1"];
    private long attachmentId;
    private long? hospital;

    public sealed class OnSqlite() : EvidencePacksTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EvidencePacksTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddScoped<IEvidenceRecordSource>(_ => new AttachedRecords(attachmentId));
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_pack_asked_for_is_built_in_the_background_signed_audited_and_verifies()
    {
        var department = await DepartmentAsync("检验科");
        await CreateUserAsync("labtech", $"{BuiltInRoles.Staff}@{department}");
        attachmentId = await AttachmentAsync();
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));

        var response = await PostAsync(director, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Selection });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var ready = await PackDownloads.ReadyAsync(director, location);
        Assert.Equal(4, ready.Total);
        Assert.Equal(4, ready.Done);
        var zip = await PackDownloads.DownloadAsync(director, ready);

        var verification = await VerifyAsync(zip);
        Assert.True(verification.Valid);
        var files = PackFiles.Read(zip);
        Assert.Equal(
            [.. files.Keys.Where(k => !PackManifest.SealEntries.Contains(k)).Order(StringComparer.Ordinal)],
            [.. verification.Manifest!.Files.Select(f => f.Path).Order(StringComparer.Ordinal)]);
        Assert.Contains("records/ACC-03.xlsx", files.Keys);
        Assert.Contains(files.Keys, k => k.StartsWith($"attachments/{attachmentId}/", StringComparison.Ordinal));
        Assert.Equal(Encoding.ASCII.GetBytes(await PublicKeyPemAsync()), files[PackManifest.PublicKeyEntry]);

        var html = Encoding.UTF8.GetString(files[PackManifest.IndexEntry]);
        Assert.Contains("信科医院 合规证据包", html, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 — 2026-03-31", html, StringComparison.Ordinal);
        Assert.Contains("尚未覆盖", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var head = verification.Manifest.AuditChainHead;
        Assert.True(head.Sequence > 0);
        Assert.Contains($"{head.Sequence} · {head.Hash}", html, StringComparison.Ordinal);

        var exported = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().SingleAsync(e => e.Action == EvidencePackBuilder.ExportedAction, Cancel));
        Assert.Equal("director", exported.ActorName);
        Assert.True(exported.Sequence > head.Sequence);
        Assert.Contains(EvidencePackBuilder.Sm3Of(files[PackManifest.ManifestEntry]), exported.Changes, StringComparison.Ordinal);
        Assert.Contains("ACC-05", exported.Changes, StringComparison.Ordinal);
        Assert.Equal(ready.ManifestSm3, EvidencePackBuilder.Sm3Of(files[PackManifest.ManifestEntry]));
    }

    [Theory]
    [Trait("Req", "ACR-02")]
    [InlineData(PackManifest.IndexEntry)]
    [InlineData("records/ACC-03.xlsx")]
    [InlineData("attachment")]
    [InlineData(PackManifest.ManifestEntry)]
    public async Task Flipping_one_byte_of_any_file_fails_verification_naming_that_file(string path)
    {
        attachmentId = await AttachmentAsync();
        var zip = await BuildAsync();
        var target = path == "attachment" ? PackFiles.Read(zip).Keys.Single(k => k.StartsWith("attachments/", StringComparison.Ordinal)) : path;

        var verification = await VerifyAsync(PackFiles.FlipByte(zip, target));

        Assert.False(verification.Valid);
        Assert.Contains(target, verification.Changed);
        Assert.Empty(verification.Added);
        Assert.Empty(verification.Removed);
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_file_added_to_or_removed_from_a_pack_fails_verification_naming_it()
    {
        attachmentId = await AttachmentAsync();
        var zip = await BuildAsync();

        var files = PackFiles.Read(zip);
        files["records/extra.xlsx"] = [1, 2, 3];
        var added = await VerifyAsync(PackFiles.Write(files));
        Assert.False(added.Valid);
        Assert.Equal(["records/extra.xlsx"], added.Added);
        Assert.Empty(added.Changed);

        files = PackFiles.Read(zip);
        files.Remove("records/ACC-05.xlsx");
        var removed = await VerifyAsync(PackFiles.Write(files));
        Assert.False(removed.Valid);
        Assert.Equal(["records/ACC-05.xlsx"], removed.Removed);

        Assert.True((await VerifyAsync(PackFiles.Write(PackFiles.Read(zip)))).Valid);
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_department_scoped_readers_pack_holds_only_their_departments_records_and_is_theirs_alone()
    {
        var lab = await DepartmentAsync("检验科");
        var pharmacy = await DepartmentAsync("药剂科");
        await CreateUserAsync("labtech", $"{BuiltInRoles.Staff}@{lab}");
        await CreateUserAsync("pharmacist", $"{BuiltInRoles.Staff}@{pharmacy}");
        var reviewer = await SignInAsync(await CreateUserAsync("labreviewer", $"{BuiltInRoles.Reviewer}@{lab}"));
        var otherReviewer = await SignInAsync(await CreateUserAsync("pharmreviewer", $"{BuiltInRoles.Reviewer}@{pharmacy}"));

        var outside = await PostAsync(reviewer, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", departmentId = pharmacy });
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);

        var response = await PostAsync(reviewer, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Passwords });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ready = await PackDownloads.ReadyAsync(reviewer, response.Headers.Location!.ToString());
        Assert.Equal(lab, ready.DepartmentId);
        var files = PackFiles.Read(await PackDownloads.DownloadAsync(reviewer, ready));

        var records = PackFiles.XlsxText(files["records/ACC-05.xlsx"]);
        Assert.Contains("labtech", records, StringComparison.Ordinal);
        Assert.DoesNotContain("pharmacist", records, StringComparison.Ordinal);
        Assert.DoesNotContain("pharmacist", Encoding.UTF8.GetString(files[PackManifest.IndexEntry]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.GetAsync(new Uri(response.Headers.Location!.ToString(), UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.GetAsync(new Uri(ready.Download!, UriKind.Relative), Cancel)).StatusCode);
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync(new Uri(ready.Download!, UriKind.Relative), Cancel)).StatusCode);
        var listed = await director.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence-packs", UriKind.Relative), Cancel);
        Assert.Equal(1, listed.GetProperty("items").GetArrayLength());
        var otherList = await otherReviewer.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/evidence-packs", UriKind.Relative), Cancel);
        Assert.Equal(0, otherList.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_pack_asked_for_a_reversed_period_or_an_unknown_rule_is_refused_with_the_field()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var staff = await SignInAsync(await CreateUserAsync("clerk", BuiltInRoles.Staff));

        var reversed = await PostAsync(director, "/api/v1/evidence-packs", new { from = "2026-03-31", to = "2026-03-01" });
        var problem = await Problems.ReadAsync(reversed, HttpStatusCode.BadRequest);
        Assert.Equal(PackRequest.InvalidPeriod, problem.Code);
        var unknown = await PostAsync(director, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Unknown });
        Assert.Equal(PackRequest.UnknownRequirement, (await Problems.ReadAsync(unknown, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31" })).StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Set<EvidencePack>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task Packs_past_their_retention_are_deleted()
    {
        var director = await SignInAsync(await CreateUserAsync("director", BuiltInRoles.ItDirector));
        var response = await PostAsync(director, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Tampering });
        var ready = await PackDownloads.ReadyAsync(director, response.Headers.Location!.ToString());
        await using var scope = App.Services.CreateAsyncScope();
        var packs = scope.ServiceProvider.GetRequiredService<EvidencePacks>();
        var pack = await packs.Packs().SingleAsync(p => p.Id == ready.Id, Cancel);
        Assert.True(File.Exists(packs.PathOf(pack)));

        Assert.Equal(0, await packs.ExpireAsync(Cancel));
        Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await packs.ExpireAsync(Cancel));

        Assert.False(File.Exists(packs.PathOf(pack)));
        Assert.Equal(EvidencePackStatus.Expired, (await packs.Packs().SingleAsync(p => p.Id == ready.Id, Cancel)).Status);
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_pack_left_running_by_a_stopped_instance_is_failed_with_the_reason_and_no_other_pack_is_touched()
    {
        var asked = Clock.GetUtcNow().UtcDateTime;
        var (running, queued, ready) = await WithDbAsync(async db =>
        {
            var packs = new[] { EvidencePackStatus.Running, EvidencePackStatus.Queued, EvidencePackStatus.Ready }
                .Select(status => new EvidencePack { RequestedBy = "director", From = new DateOnly(2026, 3, 1), To = new DateOnly(2026, 3, 31), Status = status, CreatedAt = asked })
                .ToList();
            db.AddRange(packs);
            await db.SaveChangesAsync(Cancel);
            return (packs[0].Id, packs[1].Id, packs[2].Id);
        });
        await using var scope = App.Services.CreateAsyncScope();
        var packs = scope.ServiceProvider.GetRequiredService<EvidencePacks>();

        Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await packs.FailAbandonedAsync(Cancel));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await packs.FailAbandonedAsync(Cancel));

        var after = await packs.Packs().Where(p => p.Id == running || p.Id == queued || p.Id == ready).ToDictionaryAsync(p => p.Id, Cancel);
        Assert.Equal(EvidencePackStatus.Failed, after[running].Status);
        Assert.Equal(EvidencePacks.AbandonedFailure, after[running].Failure);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, after[running].FinishedAt);
        Assert.Equal(EvidencePackStatus.Queued, after[queued].Status);
        Assert.Equal(EvidencePackStatus.Ready, after[ready].Status);
    }

    [Fact]
    public async Task A_files_digest_in_the_manifest_is_the_one_openssl_prints()
    {
        var zip = await BuildAsync();
        var folder = Directory.CreateTempSubdirectory("xinke-pack-");
        try
        {
            var path = Path.Combine(folder.FullName, "index.html");
            await File.WriteAllBytesAsync(path, PackFiles.Read(zip)[PackManifest.IndexEntry], Cancel);
            var openssl = await OpenSslSm3Async(path);
            Assert.SkipWhen(openssl is null, "openssl without SM3 on this machine");
            var manifest = (await VerifyAsync(zip)).Manifest!;
            Assert.Contains(manifest.Files.Single(f => f.Path == PackManifest.IndexEntry).Sm3, openssl!, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string?> OpenSslSm3Async(string path)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("openssl", ["dgst", "-sm3", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync(Cancel);
            await process.WaitForExitAsync(Cancel);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private async Task<byte[]> BuildAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<EvidencePackBuilder>().BuildAsync(
            new PackRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Selection, null), "tester", output, null, Cancel);
        return output.ToArray();
    }

    private static async Task<PackVerification> VerifyAsync(byte[] zip)
    {
        using var stream = new MemoryStream(zip);
        return await PackVerifier.VerifyAsync(stream, Cancel);
    }

    private async Task<string> PublicKeyPemAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<Xinke.Kernel.Crypto.InstallationKey>().PublicKeyPem;
    }

    private async Task<long> AttachmentAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var content = new MemoryStream(AttachmentUploads.Pdf());
        var added = await scope.ServiceProvider.GetRequiredService<AttachmentService>().AddAsync("training", 1, "签到表.pdf", content, null, null, Cancel);
        Assert.True(added.Succeeded, added.Error?.Code);
        return added.Value!.Id;
    }

    private async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        hospital ??= (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var created = await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }
}
