using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Organization.Posts;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Organization.Posts;

/// <summary>
/// The IT department's posts (ORG-04): written responsibilities are required, and every member
/// of the IT staff (an account with an IT role) holds a post, or shows as a gap.
/// </summary>
public abstract class PostsApiTests(DatabaseKind kind) : IdentityTest(kind)
{
    private long itDepartment;

    public sealed class OnSqlite() : PostsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PostsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task A_post_without_written_responsibilities_is_refused()
    {
        var (director, _) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);

        var blank = await PostAsync(director, "/api/v1/posts", new { name = "网络管理员", responsibilities = "   " });
        var missing = await PostAsync(director, "/api/v1/posts", new { name = "网络管理员" });

        var problem = await Problems.ReadAsync(blank, HttpStatusCode.BadRequest);
        Assert.Equal(PostErrors.InvalidResponsibilities, problem.Code);
        Assert.Contains("responsibilities", problem.Errors.Keys);
        Assert.Equal(PostErrors.InvalidResponsibilities, (await Problems.ReadAsync(missing, HttpStatusCode.BadRequest)).Code);
        var post = await CreatePostAsync(director, "网络管理员");
        var etag = (await director.GetAsync(new Uri($"/api/v1/posts/{post}", UriKind.Relative), Cancel)).Headers.ETag!.Tag;
        Assert.Equal(PostErrors.InvalidResponsibilities, (await Problems.ReadAsync(await PatchAsync(director, $"/api/v1/posts/{post}", new { responsibilities = "" }, etag), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(1, await WithDbAsync(db => db.Set<Post>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task Only_the_it_director_writes_posts()
    {
        var (director, _) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        var (engineer, _) = await StaffAsync("wang.gong", "IT0002", BuiltInRoles.ItEngineer);
        var post = await CreatePostAsync(director, "网络管理员");
        var deptHead = await SignInAsync(await CreateUserAsync("zhao.zhuren", BuiltInRoles.DeptHead));

        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync(new Uri("/api/v1/posts", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, "/api/v1/posts", new { name = "桌面运维", responsibilities = "负责终端维护" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(engineer, $"/api/v1/posts/{post}/holders", new { personId = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await deptHead.GetAsync(new Uri("/api/v1/posts", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task An_it_engineer_without_a_post_is_a_home_gap_and_lowers_the_evidence_until_assigned()
    {
        var (director, directorPerson) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        var (_, engineerPerson) = await StaffAsync("wang.gong", "IT0002", BuiltInRoles.ItEngineer);
        var head = await CreatePostAsync(director, "信息科科长");
        var admin = await CreatePostAsync(director, "系统管理员");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(director, $"/api/v1/posts/{head}/holders", new { personId = directorPerson, from = "2025-01-01" })).StatusCode);

        var lacking = await EvidenceAsync();
        Assert.Equal(ComplianceStatus.NotMet, lacking.Status);
        Assert.Equal(new object[] { 1, 2, 2, 2 }, lacking.Reason.Arguments);
        var home = await director.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        Assert.Contains("href=\"/organization/posts\">1 名信息科人员未分配岗位", home, StringComparison.Ordinal);
        Assert.Contains("data-req=\"ORG-04\"", home, StringComparison.Ordinal);
        var without = await director.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/posts/it-staff?withoutPost=true", UriKind.Relative), Cancel);
        Assert.Equal(engineerPerson, Assert.Single(without.EnumerateArray()).GetProperty("personId").GetInt64());

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(director, $"/api/v1/posts/{admin}/holders", new { personId = engineerPerson })).StatusCode);

        Assert.Equal(ComplianceStatus.Met, (await EvidenceAsync()).Status);
        Assert.DoesNotContain("data-req=\"ORG-04\"", await director.GetStringAsync(new Uri("/", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task Leaving_the_only_post_reopens_the_gap_and_a_held_post_cannot_be_retired()
    {
        var (director, directorPerson) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        var post = await CreatePostAsync(director, "信息科科长");
        var assigned = await PostAsync(director, $"/api/v1/posts/{post}/holders", new { personId = directorPerson, from = "2025-01-01" });
        var holder = (await assigned.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("holders")[0].GetProperty("id").GetInt64();
        Assert.Equal(PostErrors.AlreadyHeld, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/posts/{post}/holders", new { personId = directorPerson }), HttpStatusCode.Conflict)).Code);

        var retire = await Problems.ReadAsync(await PostAsync(director, $"/api/v1/posts/{post}/retire"), HttpStatusCode.Conflict);
        Assert.Equal(PostErrors.HasHolders, retire.Code);
        Assert.Contains("ORG-04", retire.Detail, StringComparison.Ordinal);
        Assert.Equal(ComplianceStatus.Met, (await EvidenceAsync()).Status);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/posts/holders/{holder}/end", new { until = "2026-03-01" })).StatusCode);

        Assert.Equal(ComplianceStatus.NotMet, (await EvidenceAsync()).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/posts/{post}/retire")).StatusCode);
        Assert.Equal(PostErrors.Retired, (await Problems.ReadAsync(await PostAsync(director, $"/api/v1/posts/{post}/holders", new { personId = directorPerson }), HttpStatusCode.Conflict)).Code);
        Assert.Equal("2026-03-01", (await director.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/posts/{post}", UriKind.Relative), Cancel)).GetProperty("holders")[0].GetProperty("until").GetString());
    }

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task Revising_responsibilities_stamps_the_revision_and_refuses_a_stale_version()
    {
        var (director, _) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        var post = await CreatePostAsync(director, "网络管理员");
        var created = await director.GetAsync(new Uri($"/api/v1/posts/{post}", UriKind.Relative), Cancel);
        var etag = created.Headers.ETag!.Tag;
        var revisedAt = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("responsibilitiesRevisedAt").GetDateTime();
        Clock.Advance(TimeSpan.FromMinutes(5));

        var revised = await PatchAsync(director, $"/api/v1/posts/{post}", new { responsibilities = "负责网络防火墙、入侵检测和防病毒系统的管理和更新。" }, etag);
        var renamed = await PatchAsync(director, $"/api/v1/posts/{post}", new { name = "网络安全管理员" }, etag);

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.True((await revised.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("responsibilitiesRevisedAt").GetDateTime() > revisedAt);
        Assert.Equal(HttpStatusCode.PreconditionFailed, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(director, HttpMethod.Patch, $"/api/v1/posts/{post}", new { name = "网络安全管理员" })).StatusCode);
    }

    [Fact]
    [Trait("Req", "ORG-04")]
    public async Task The_posts_page_lists_the_staff_without_a_post_and_the_post_page_assigns_one()
    {
        var (director, _) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        await StaffAsync("wang.gong", "IT0002", BuiltInRoles.ItEngineer);
        var post = await CreatePostAsync(director, "系统管理员");

        var index = await director.GetStringAsync(new Uri("/organization/posts", UriKind.Relative), Cancel);
        Assert.Contains("系统管理员", index, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(index, "data-testid=\"without-post-row\""));

        var detail = await director.GetStringAsync(new Uri($"/organization/posts/{post}", UriKind.Relative), Cancel);
        var assigned = await PageForms.SubmitAsync(director, detail, $"/organization/posts/{post}?handler=Assign", new() { ["employeeNumber"] = "IT0002", ["from"] = "2026-03-02" });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var unknown = await PageForms.SubmitAsync(director, detail, $"/organization/posts/{post}?handler=Assign", new() { ["employeeNumber"] = "NOPE" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("data-testid=\"post-error\"", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        Assert.Equal(1, CountOf(await director.GetStringAsync(new Uri("/organization/posts", UriKind.Relative), Cancel), "data-testid=\"without-post-row\""));
    }

    [Fact]
    public async Task Posts_export_to_csv()
    {
        var (director, _) = await StaffAsync("zhang.zhuren", "IT0001", BuiltInRoles.ItDirector);
        await CreatePostAsync(director, "机房值班");

        var csv = await director.GetStringAsync(new Uri("/api/v1/posts/export?format=csv", UriKind.Relative), Cancel);

        Assert.Contains("机房值班", csv, StringComparison.Ordinal);
        Assert.Contains("专人负责", csv, StringComparison.Ordinal);
    }

    /// <summary>An IT account linked to a person of the IT department; returns the signed-in client and the person's id.</summary>
    private async Task<(HttpClient Client, long PersonId)> StaffAsync(string userName, string employeeNumber, string role)
    {
        var account = await CreateUserAsync(userName, role);
        var personId = await WithDbAsync(async db =>
        {
            if (itDepartment == 0)
            {
                itDepartment = await DepartmentAsync();
            }

            var person = new Person { EmployeeNumber = employeeNumber, Name = $"测试 {userName}", DepartmentId = itDepartment, Status = PersonStatus.Active, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            await db.Set<Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, person.Id), Cancel);
            return person.Id;
        });
        return (await SignInAsync(account), personId);
    }

    private async Task<long> DepartmentAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        return (await departments.CreateAsync("信息科", hospital, DepartmentKind.Department, Cancel)).Value!.Id;
    }

    private static async Task<long> CreatePostAsync(HttpClient client, string name)
    {
        var response = await PostAsync(client, "/api/v1/posts", new { name, responsibilities = "计算机房要保持清洁、卫生，并由专人负责管理和维护。" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, object body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Cancel);
    }

    private static int CountOf(string html, string marker) => (html.Length - html.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;

    /// <summary>ORG-04 for the first quarter of 2026, judged now.</summary>
    private async Task<EvidenceAnswer> EvidenceAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetServices<IEvidenceProvider>().Single(p => p.RequirementIds.Contains("ORG-04"));
        var query = EvidenceQuery.For(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), null, scope.ServiceProvider.GetRequiredService<HospitalClock>(), Clock.GetUtcNow().UtcDateTime);
        return await provider.EvaluateAsync("ORG-04", query, Cancel);
    }
}
