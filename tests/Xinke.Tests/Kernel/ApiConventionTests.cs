using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel;

/// <summary>The API conventions of DESIGN.md, through the real pipeline on both databases.</summary>
public abstract class ApiConventionTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : ApiConventionTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ApiConventionTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services) => services.AddProbeModule();

    protected override Task StartedAsync() =>
        App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind)));

    [Fact]
    public async Task Malformed_json_is_a_400_problem_with_a_code_and_trace_id()
    {
        using var content = new StringContent("{\"name\": \"打印机\", ", Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/v1/test-probes", content, Cancel);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.malformed_json", problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        Assert.Equal(0, await App.WithDbAsync(db => db.Set<Probe>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_problem()
    {
        using var content = new StringContent("{\"name\": \"x\", \"rank\": \"high\"}", Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/v1/test-probes", content, Cancel);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("request.malformed_json", problem.Code);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_a_page()
    {
        var response = await Client.GetAsync("/api/v1/no-such-things/7", Cancel);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("request.not_found", problem.Code);
    }

    [Fact]
    public async Task An_exception_is_a_500_problem_with_a_trace_id_and_no_stack_trace()
    {
        var response = await Client.GetAsync("/api/v1/test-probes/boom", Cancel);

        var body = await response.Content.ReadAsStringAsync(Cancel);
        var problem = await Problems.ReadAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("server.error", problem.Code);
        Assert.False(string.IsNullOrEmpty(problem.TraceId));
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_taken_by_a_concurrent_request_is_a_409_problem_and_keeps_the_first_record()
    {
        var first = await Client.PostAsJsonAsync("/api/v1/test-probes/with-code", new { code = "PRB-DUP-1", name = "第一台" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await Client.PostAsJsonAsync("/api/v1/test-probes/with-code", new { code = "PRB-DUP-1", name = "第二台" }, Cancel);

        var problem = await Problems.ReadAsync(second, HttpStatusCode.Conflict);
        Assert.Equal("request.duplicate", problem.Code);
        var names = await App.WithDbAsync(db => db.Set<Probe>().Where(p => p.Code == "PRB-DUP-1").Select(p => p.Name).ToListAsync(Cancel));
        Assert.Equal(["第一台"], names);
    }

    [Fact]
    public async Task Problems_follow_accept_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var english = await Problems.ReadAsync(await Client.SendAsync(request, Cancel), HttpStatusCode.NotFound);
        var chinese = await Problems.ReadAsync(await Client.GetAsync("/api/v1/nothing-here", Cancel), HttpStatusCode.NotFound);

        Assert.Equal("The requested resource does not exist.", english.Detail);
        Assert.Equal("请求的资源不存在。", chinese.Detail);
    }

    [Fact]
    public async Task A_malformed_cursor_is_a_400_paging_invalid_cursor()
    {
        var response = await Client.GetAsync("/api/v1/test-probes?cursor=not-a-cursor!!", Cancel);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(PagingErrors.InvalidCursor, problem.Code);
        Assert.True(problem.Errors.ContainsKey("cursor"));
    }

    [Fact]
    public async Task A_cursor_of_another_sort_or_list_is_refused()
    {
        await CreateProbesAsync(3);
        var first = await Client.GetFromJsonAsync<Page<ProbeDto>>("/api/v1/test-probes?limit=1&sort=name", Cancel);
        Assert.NotNull(first!.NextCursor);

        var otherSort = await Client.GetAsync($"/api/v1/test-probes?limit=1&sort=rank&cursor={first.NextCursor}", Cancel);
        Assert.Equal(PagingErrors.InvalidCursor, (await Problems.ReadAsync(otherSort, HttpStatusCode.BadRequest)).Code);

        var forged = new CursorPosition("other-list", "name", JsonSerializer.SerializeToElement("a"), 1).Encode();
        var otherList = await Client.GetAsync($"/api/v1/test-probes?limit=1&sort=name&cursor={forged}", Cancel);
        Assert.Equal(PagingErrors.InvalidCursor, (await Problems.ReadAsync(otherList, HttpStatusCode.BadRequest)).Code);

        var wrongType = new CursorPosition("test-probes", "rank", JsonSerializer.SerializeToElement("not a number"), 1).Encode();
        var badValue = await Client.GetAsync($"/api/v1/test-probes?limit=1&sort=rank&cursor={wrongType}", Cancel);
        Assert.Equal(PagingErrors.InvalidCursor, (await Problems.ReadAsync(badValue, HttpStatusCode.BadRequest)).Code);
    }

    [Theory]
    [InlineData("limit=0", PagingErrors.InvalidLimit)]
    [InlineData("limit=201", PagingErrors.InvalidLimit)]
    [InlineData("sort=password", PagingErrors.InvalidSort)]
    [InlineData("limit=abc", "request.invalid")]
    public async Task Bad_list_parameters_are_400_problems(string query, string code)
    {
        var response = await Client.GetAsync($"/api/v1/test-probes?{query}", Cancel);

        Assert.Equal(code, (await Problems.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("-id")]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("rank")]
    [InlineData("-rank")]
    [InlineData("createdAt")]
    [InlineData("-createdAt")]
    public async Task Keyset_pages_walk_every_record_once_in_order(string sort)
    {
        await CreateProbesAsync(23);
        var all = await App.WithDbAsync(db => db.Set<Probe>().AsNoTracking().ToListAsync(Cancel));
        var expected = Expected(all, sort).Select(p => p.Id).ToList();

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/test-probes?limit=5&sort={sort}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await Client.GetFromJsonAsync<Page<ProbeDto>>(url, Cancel);
            seen.AddRange(page!.Items.Select(p => p.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(5, pages);
    }

    [Fact]
    public async Task The_q_filter_finds_chinese_text()
    {
        await CreateProbeAsync("门诊打印机卡纸", 1);
        await CreateProbeAsync("住院部网络中断", 2);

        var page = await Client.GetFromJsonAsync<Page<ProbeDto>>("/api/v1/test-probes?q=打印机", Cancel);

        Assert.Equal(["门诊打印机卡纸"], page!.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task A_write_without_if_match_is_428_and_changes_nothing()
    {
        var created = await CreateProbeAsync("交换机", 1);

        using var patch = JsonContent.Create(new { name = "核心交换机" });
        var response = await Client.PatchAsync($"/api/v1/test-probes/{created.Id}", patch, Cancel);

        Assert.Equal("request.if_match_required", (await Problems.ReadAsync(response, HttpStatusCode.PreconditionRequired)).Code);
        Assert.Equal("交换机", (await GetProbeAsync(created.Id)).Name);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var created = await CreateProbeAsync("交换机", 1);
        var first = await PatchAsync(created.Id, "\"1\"", "核心交换机");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);

        var stale = await PatchAsync(created.Id, "\"1\"", "接入交换机");

        Assert.Equal("request.stale_version", (await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed)).Code);
        Assert.Equal("核心交换机", (await GetProbeAsync(created.Id)).Name);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"2\"")]
    public async Task A_weak_wildcard_or_list_if_match_is_412(string ifMatch)
    {
        var created = await CreateProbeAsync("防火墙", 1);

        var response = await PatchAsync(created.Id, ifMatch, "边界防火墙");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task The_current_etag_is_returned_and_accepted()
    {
        var created = await CreateProbeAsync("UPS", 1);
        var get = await Client.GetAsync($"/api/v1/test-probes/{created.Id}", Cancel);
        var etag = get.Headers.ETag!.Tag;

        var response = await PatchAsync(created.Id, etag, "机房 UPS");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await GetProbeAsync(created.Id)).Version);
    }

    [Fact]
    public async Task A_save_that_lost_a_race_after_the_check_is_412()
    {
        var created = await CreateProbeAsync("路由器", 1);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        var mine = await db.Set<Probe>().SingleAsync(p => p.Id == created.Id, Cancel);

        var theirs = await PatchAsync(created.Id, "\"1\"", "他人修改");
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        mine.Name = "我的修改";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Cancel));
        Assert.Equal("他人修改", (await GetProbeAsync(created.Id)).Name);
    }

    private static IEnumerable<Probe> Expected(List<Probe> all, string sort) => sort switch
    {
        "id" => all.OrderBy(p => p.Id),
        "-id" => all.OrderByDescending(p => p.Id),
        "name" => all.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id),
        "-name" => all.OrderByDescending(p => p.Name, StringComparer.Ordinal).ThenByDescending(p => p.Id),
        "rank" => all.OrderBy(p => p.Rank).ThenBy(p => p.Id),
        "-rank" => all.OrderByDescending(p => p.Rank).ThenByDescending(p => p.Id),
        "createdAt" => all.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
        "-createdAt" => all.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };

    private async Task CreateProbesAsync(int count)
    {
        // Names and ranks repeat so that ties are broken by id.
        for (var i = 0; i < count; i++)
        {
            await CreateProbeAsync($"device-{(char)('a' + (i % 4))}", i % 3);
        }
    }

    private async Task<ProbeDto> CreateProbeAsync(string name, int rank)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/test-probes", new ProbeInput(name, rank), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProbeDto>(Cancel))!;
    }

    private async Task<Probe> GetProbeAsync(long id) =>
        await App.WithDbAsync(db => db.Set<Probe>().AsNoTracking().SingleAsync(p => p.Id == id, Cancel));

    private async Task<HttpResponseMessage> PatchAsync(long id, string ifMatch, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/test-probes/{id}")
        {
            Content = JsonContent.Create(new { name }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Client.SendAsync(request, Cancel);
    }
}
