using System.Net;
using System.Text.RegularExpressions;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Labels;

namespace Xinke.Tests.Modules.Assets.Labels;

/// <summary>The label sheet page and the page a scanned label opens, through the real pipeline.</summary>
public abstract partial class LabelPagesTests(DatabaseKind kind) : AssetsTest(kind)
{
    public sealed class OnSqlite() : LabelPagesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : LabelPagesTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_sheet_starts_at_the_chosen_position_and_each_QR_code_opens_the_assets_scanned_page()
    {
        var it = await DepartmentAsync("信息科");
        await StoredAssetAsync(it, "ZC-2026-000501");
        await StoredAssetAsync(it, "ZC-2026-000502");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var html = await engineer.GetStringAsync(new Uri("/assets/labels?print=true&size=70x40&start=5&tags=ZC-2026-000502%0AZC-2026-000501", UriKind.Relative), Cancel);

        var cells = Cell().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["label-skipped", "label-skipped", "label-skipped", "label-skipped", "label", "label"], cells);
        Assert.Contains("labels-70x40", html, StringComparison.Ordinal);
        var urls = Url().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["http://localhost/assets/s/ZC-2026-000502", "http://localhost/assets/s/ZC-2026-000501"], urls);
        Assert.Contains(AssetQrCodes.Svg(urls[0]), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_labels_of_the_registers_filters_are_those_the_reader_reaches()
    {
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        await StoredAssetAsync(cardiology, "ZC-2026-000511");
        await StoredAssetAsync(radiology, "ZC-2026-000512");
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));

        var html = await head.GetStringAsync(new Uri("/assets/labels?print=true&type=pc", UriKind.Relative), Cancel);
        var byTag = await head.GetStringAsync(new Uri("/assets/labels?print=true&tags=ZC-2026-000512", UriKind.Relative), Cancel);

        Assert.Contains("data-tag=\"ZC-2026-000511\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ZC-2026-000512", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-tag=\"ZC-2026-000512\"", byTag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scanned_page_needs_sign_in_and_hides_assets_out_of_scope()
    {
        var cardiology = await DepartmentAsync("心内科");
        var radiology = await DepartmentAsync("放射科");
        var person = await PersonAsync(cardiology, "E1001", "李护士");
        await StoredAssetAsync(cardiology, "ZC-2026-000521", a => { a.ResponsiblePersonId = person; a.Campus = "本院区"; a.Room = "护士站"; });
        await StoredAssetAsync(radiology, "ZC-2026-000522");
        var head = await SignInAsync(await CreateUserAsync("li.zhuren", $"{BuiltInRoles.DeptHead}@{cardiology}"));

        var anonymous = await NewClient().GetAsync(new Uri("/assets/s/ZC-2026-000521", UriKind.Relative), Cancel);
        var own = await head.GetAsync(new Uri("/assets/s/ZC-2026-000521", UriKind.Relative), Cancel);
        var other = await head.GetAsync(new Uri("/assets/s/ZC-2026-000522", UriKind.Relative), Cancel);

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("ZC-2026-000521", await anonymous.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await own.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("李护士", html, StringComparison.Ordinal);
        Assert.Contains("本院区 / 护士站", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/servicedesk/report\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [GeneratedRegex("data-testid=\"(label|label-skipped)\"")]
    private static partial Regex Cell();

    [GeneratedRegex("data-url=\"([^\"]+)\"")]
    private static partial Regex Url();
}
