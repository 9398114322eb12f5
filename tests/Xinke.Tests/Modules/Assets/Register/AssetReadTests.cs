using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Tests.Modules.Assets.Register;

/// <summary>Reading one asset: the IT department reads every device, a department's head only their own department's.</summary>
public abstract class AssetReadTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : AssetReadTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetReadTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_department_head_reads_their_departments_asset_and_gets_404_for_another_departments()
    {
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        var own = await StoredAssetAsync(cardiology, "ZC-2026-000001");
        var other = await StoredAssetAsync(radiology, "ZC-2026-000002");
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));

        var read = await head.GetAsync(new Uri($"/api/v1/assets/{own}", UriKind.Relative), Cancel);
        var hidden = await head.GetAsync(new Uri($"/api/v1/assets/{other}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var asset = await read.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("ZC-2026-000001", asset.GetProperty("tag").GetString());
        Assert.Equal("pc", asset.GetProperty("typeCode").GetString());
        Assert.Equal("心内科", asset.GetProperty("owningDepartment").GetString());
        Assert.NotNull(read.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
