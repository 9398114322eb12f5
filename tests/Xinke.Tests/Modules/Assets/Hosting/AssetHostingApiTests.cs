using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Hosting;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Systems;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Hosting;

/// <summary>
/// Which information systems an asset hosts: replaced as a whole under If-Match on the asset, each
/// system checked against the Systems register, on the asset's timeline, and listed on the system's page.
/// </summary>
public abstract class AssetHostingApiTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : AssetHostingApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetHostingApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task An_engineer_links_a_server_to_its_systems_and_the_timeline_and_the_system_pages_show_it()
    {
        var it = await DepartmentAsync("信息中心");
        var server = await StoredAssetAsync(it, "SRV-0001", a => { a.TypeId = BuiltInTypeId("server"); a.Status = AssetStatus.InUse; });
        var his = await SystemAsync(it, "XT-HIS", "医院信息系统");
        var lis = await SystemAsync(it, "XT-LIS", "检验信息系统");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var etag = await ETagAsync(engineer, server);

        var linked = await PutAsync(engineer, server, [lis, his], etag);

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(["XT-HIS", "XT-LIS"], (await linked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        var newer = linked.Headers.ETag!.Tag;
        Assert.NotEqual(etag, newer);
        var hosting = (await TimelineAsync(engineer, server)).Single(e => e.Kind == "Hosting");
        Assert.Contains("医院信息系统（XT-HIS）", hosting.Text, StringComparison.Ordinal);
        Assert.Contains("SRV-0001", await engineer.GetStringAsync(new Uri($"/systems/{his}", UriKind.Relative), Cancel), StringComparison.Ordinal);

        var narrowed = await PutAsync(engineer, server, [his], newer);

        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        Assert.Contains((await TimelineAsync(engineer, server)).Select(e => e.Text), t => t == "不再承载：检验信息系统（XT-LIS）");
        var lisPage = await engineer.GetStringAsync(new Uri($"/systems/{lis}", UriKind.Relative), Cancel);
        Assert.DoesNotContain("SRV-0001", lisPage, StringComparison.Ordinal);
        Assert.Contains("SRV-0001", await engineer.GetStringAsync(new Uri($"/systems/{his}", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains("XT-HIS", await engineer.GetStringAsync(new Uri($"/assets/{server}", UriKind.Relative), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_that_is_not_in_the_register_is_refused_and_nothing_is_linked()
    {
        var it = await DepartmentAsync("信息中心");
        var server = await StoredAssetAsync(it, "SRV-0001");
        var his = await SystemAsync(it, "XT-HIS", "医院信息系统");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var refused = await PutAsync(engineer, server, [his, his + 1000], await ETagAsync(engineer, server));

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(AssetHostingErrors.UnknownSystem, problem.Code);
        Assert.Contains("systemIds", problem.Errors.Keys);
        Assert.Equal(0, await WithDbAsync(db => db.Set<AssetSystem>().CountAsync(Cancel)));
        Assert.DoesNotContain((await TimelineAsync(engineer, server)).Select(e => e.Kind), k => k == "Hosting");
    }

    [Fact]
    public async Task A_retired_system_is_refused_as_newly_hosted_while_a_link_made_before_it_retired_may_stay_or_go()
    {
        var it = await DepartmentAsync("信息中心");
        var server = await StoredAssetAsync(it, "SRV-0001");
        var his = await SystemAsync(it, "XT-HIS", "医院信息系统");
        var pacs = await SystemAsync(it, "XT-PACS", "影像归档系统");
        var old = await SystemAsync(it, "XT-OLD", "旧版检验系统", SystemStatus.Retired);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var linked = await PutAsync(engineer, server, [his], await ETagAsync(engineer, server));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);

        var refused = await PutAsync(engineer, server, [his, old], linked.Headers.ETag!.Tag);

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal(AssetHostingErrors.RetiredSystem, problem.Code);
        Assert.Contains("XT-OLD", problem.Detail, StringComparison.Ordinal);
        Assert.Equal([his], await WithDbAsync(async db => await db.Set<AssetSystem>().Select(h => h.SystemId).ToListAsync(Cancel)));

        await WithDbAsync(db => db.Set<InformationSystem>().Where(s => s.Id == his).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SystemStatus.Retired), Cancel));
        var kept = await PutAsync(engineer, server, [his, pacs], await ETagAsync(engineer, server));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var dropped = await PutAsync(engineer, server, [pacs], kept.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Equal([pacs], await WithDbAsync(async db => await db.Set<AssetSystem>().Select(h => h.SystemId).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task A_department_head_who_reads_the_register_may_not_change_what_an_asset_hosts()
    {
        var it = await DepartmentAsync("信息中心");
        var server = await StoredAssetAsync(it, "SRV-0001");
        var his = await SystemAsync(it, "XT-HIS", "医院信息系统");
        var head = await SignInAsync(await CreateUserAsync("zhou.zhuren", $"{BuiltInRoles.DeptHead}@{it}"));
        var etag = await ETagAsync(head, server);

        var refused = await PutAsync(head, server, [his], etag);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await WithDbAsync(db => db.Set<AssetSystem>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_change_made_from_a_stale_version_is_refused_and_one_without_if_match_is_asked_for_it()
    {
        var it = await DepartmentAsync("信息中心");
        var server = await StoredAssetAsync(it, "SRV-0001");
        var his = await SystemAsync(it, "XT-HIS", "医院信息系统");
        var lis = await SystemAsync(it, "XT-LIS", "检验信息系统");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var seen = await ETagAsync(engineer, server);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(engineer, server, [his], seen)).StatusCode);

        var stale = await PutAsync(engineer, server, [lis], seen);
        var unconditional = await PutAsync(engineer, server, [lis], null);

        Assert.Equal(Versioning.StaleVersion, (await Problems.ReadAsync(stale, HttpStatusCode.PreconditionFailed)).Code);
        Assert.Equal(Versioning.IfMatchRequired, (await Problems.ReadAsync(unconditional, (HttpStatusCode)428)).Code);
        Assert.Equal([his], await WithDbAsync(async db => await db.Set<AssetSystem>().Select(h => h.SystemId).ToListAsync(Cancel)));
    }

    private Task<long> SystemAsync(long department, string code, string name, SystemStatus status = SystemStatus.InService) =>
        WithDbAsync(async db =>
        {
            var system = new InformationSystem
            {
                Code = code,
                Name = name,
                OwnerDepartmentId = department,
                ProtectionLevel = 3,
                Status = status,
                RtoMinutes = 60,
                RpoMinutes = 15,
            };
            db.Add(system);
            await db.SaveChangesAsync(Cancel);
            return system.Id;
        });

    private static async Task<string> ETagAsync(HttpClient client, long assetId)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/assets/{assetId}/systems", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, long assetId, long[] systemIds, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assets/{assetId}/systems") { Content = JsonContent.Create(new { systemIds }) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }
}
