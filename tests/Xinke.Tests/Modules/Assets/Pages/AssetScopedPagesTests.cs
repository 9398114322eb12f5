using System.Net;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Modules.Assets.Pages;

/// <summary>The register's pages for a department-scoped reader: only their departments' devices, another's is missing.</summary>
public abstract class AssetScopedPagesTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : AssetScopedPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetScopedPagesTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_liaison_sees_only_their_departments_assets_on_the_list_and_another_departments_asset_pages_are_404()
    {
        var cardiology = await DepartmentAsync("心血管内科");
        var radiology = await DepartmentAsync("放射科");
        var own = await StoredAssetAsync(cardiology, "ZC-2026-000011");
        var other = await StoredAssetAsync(radiology, "ZC-2026-000012");
        var liaison = await SignInAsync(await CreateUserAsync("li.lianluo", $"{BuiltInRoles.DeptLiaison}@{cardiology}"));

        var list = await liaison.GetStringAsync(new Uri("/assets", UriKind.Relative), Cancel);
        var searched = await liaison.GetStringAsync(new Uri("/assets?q=ZC-2026-000012", UriKind.Relative), Cancel);
        var page = await liaison.GetAsync(new Uri($"/assets/{own}", UriKind.Relative), Cancel);

        Assert.Contains("ZC-2026-000011", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ZC-2026-000012", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/assets/{other}\"", searched, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/assets/{other}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/assets/{other}/card", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri("/assets/s/ZC-2026-000012", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync(new Uri($"/api/v1/assets/{other}/systems", UriKind.Relative), Cancel)).StatusCode);
    }
}
