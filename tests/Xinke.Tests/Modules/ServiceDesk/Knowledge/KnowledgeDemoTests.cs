using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Knowledge;

namespace Xinke.Tests.Modules.ServiceDesk.Knowledge;

/// <summary>The demo's knowledge base gives the fault form something to suggest: published Chinese articles found by trigram search.</summary>
public abstract class KnowledgeDemoTests(DatabaseKind kind) : KnowledgeTest(kind)
{
    public sealed class OnSqlite() : KnowledgeDemoTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : KnowledgeDemoTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_demo_articles_are_published_and_a_search_for_printer_finds_the_paper_jam_article()
    {
        await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var nurse = await SignInAsync(await CreateUserAsync("liu.hushi", BuiltInRoles.Staff));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KnowledgeDemoSeeder>().SeedAsync(Xinke.Kernel.Demo.DemoSize.Small, new Progress<string>(), Cancel);
        }

        var fragment = await nurse.GetStringAsync(new Uri("/servicedesk/kb/suggest?q=" + Uri.EscapeDataString("三楼打印机卡纸了"), UriKind.Relative), Cancel);
        var hits = await nurse.GetFromJsonAsync<JsonElement>("/api/v1/kb/search?q=" + Uri.EscapeDataString("扫码枪"), Cancel);

        Assert.Contains("门诊打印机卡纸处理", fragment, StringComparison.Ordinal);
        Assert.Equal(["扫码枪无响应"], hits.EnumerateArray().Select(h => h.GetProperty("title").GetString()));
    }
}
