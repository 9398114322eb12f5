using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xinke.BrowserTests.Infrastructure;
using Xinke.BrowserTests.Pages;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.BrowserTests;

/// <summary>
/// The compliance view as its readers use it (issue 10): a reviewer finds the worst gap of a
/// period, follows it to the records behind it and exports a signed evidence pack of chosen rules
/// in the background; a department head sees and exports only their department's part.
/// </summary>
public sealed partial class ComplianceDashboardTests(ComplianceServer server, Chromium chromium) : BrowserTest<ComplianceServer>(server, chromium)
{
    private const string Rule = "ORG-05";
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    [Trait("Req", "ORG-05")]
    [Trait("Req", "ACR-02")]
    public async Task A_reviewer_follows_the_worst_gap_to_its_records_and_downloads_a_verified_pack_of_chosen_rules()
    {
        await Server.SeedAsync();
        var today = Today();

        await SignInAsync(ComplianceServer.Reviewer);
        await Session.GoToAsync("/compliance");
        var filter = Page.GetByTestId("compliance-filter");
        await filter.Locator("#from").FillAsync(Day(today.AddDays(-30)));
        await filter.Locator("#to").FillAsync(Day(today));
        await filter.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("compliance-areas").Locator("tbody tr").First).ToBeVisibleAsync();
        var gaps = Page.GetByTestId("compliance-row");
        await Expect(gaps.First.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "NotMet");
        var gap = gaps.And(Page.Locator($"[data-requirement='{Rule}']"));
        await Expect(gap.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "NotMet");
        await Expect(gap).ToContainTextAsync("3 台联网设备和终端中 1 台有明确的责任人");
        Assert.True(await StatusesAreWorstFirstAsync(gaps), "The gaps are not listed worst first.");
        await Session.Screenshots.TakeAsync("dashboard");

        await gap.GetByRole(AriaRole.Link, new() { Name = Rule, Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("requirement-title")).ToContainTextAsync(Rule);
        var status = Page.GetByTestId("requirement-status");
        await Expect(status.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "NotMet");
        await Expect(status).ToContainTextAsync("3 台联网设备和终端中 1 台有明确的责任人");
        await Expect(status).ToContainTextAsync(Day(today.AddDays(-30)));
        var records = Page.GetByTestId("requirement-records");
        foreach (var tag in ComplianceServer.RespiratoryPcs)
        {
            await Expect(records.GetByRole(AriaRole.Link, new() { Name = tag })).ToBeVisibleAsync();
        }

        await Expect(records).Not.ToContainTextAsync(ComplianceServer.CardiologyPc);
        await Session.Screenshots.TakeAsync("requirement");

        await status.GetByTestId("export-pack").ClickAsync();
        var form = Page.GetByTestId("pack-form");
        await Expect(form.Locator("#from")).ToHaveValueAsync(Day(today.AddDays(-30)));
        await Expect(form.Locator("#to")).ToHaveValueAsync(Day(today));
        await Expect(form.Locator("#requirements")).ToHaveValueAsync(Rule);
        await form.Locator("#requirements").FillAsync($"{Rule} EQ-08");
        await Session.Screenshots.TakeAsync("pack-form");
        var path = await ExportAsync(form, 2);

        using (var zip = ZipFile.OpenRead(path))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Superset(
                new HashSet<string>(StringComparer.Ordinal) { PackManifest.IndexEntry, PackManifest.ManifestEntry, PackManifest.SignatureEntry, PackManifest.PublicKeyEntry, PackManifest.RecordsEntry(Rule), PackManifest.RecordsEntry("EQ-08") },
                entries);
            var sheet = XlsxText(zip, PackManifest.RecordsEntry(Rule));
            Assert.Contains(ComplianceServer.Nurse, sheet, StringComparison.Ordinal);
            Assert.Contains(ComplianceServer.NurseNumber, sheet, StringComparison.Ordinal);
            Assert.All(ComplianceServer.RespiratoryPcs, tag => Assert.Contains(tag, sheet, StringComparison.Ordinal));
            Assert.Contains("3 台联网设备和终端中 1 台有明确的责任人", Text(zip, PackManifest.IndexEntry), StringComparison.Ordinal);
        }

        var verification = await PackVerifier.VerifyFileAsync(path, TestContext.Current.CancellationToken);
        Assert.True(verification.Valid, "The downloaded pack does not verify.");
        Assert.Equal(["EQ-08", Rule], verification.Manifest!.RequirementIds.Order(StringComparer.Ordinal));
        Assert.Null(verification.Manifest.DepartmentId);
        AssertNoPageErrors();
    }

    [Fact]
    [Trait("Req", "ORG-05")]
    [Trait("Req", "ACR-02")]
    public async Task A_department_head_sees_and_exports_only_their_departments_part()
    {
        await Server.SeedAsync();

        await SignInAsync(ComplianceServer.Head);
        await Session.GoToAsync("/compliance");
        var departments = Page.GetByTestId("compliance-filter").Locator("#departmentId option");
        await Expect(departments).ToHaveCountAsync(1);
        await Expect(departments).ToHaveTextAsync("心血管内科");
        var row = Page.GetByTestId("compliance-row").And(Page.Locator($"[data-requirement='{Rule}']"));
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Met");
        await Expect(row).ToContainTextAsync("1 台联网设备和终端中 1 台有明确的责任人");
        await Session.Screenshots.TakeAsync("dashboard");

        await row.GetByRole(AriaRole.Link, new() { Name = Rule, Exact = true }).ClickAsync();
        var status = Page.GetByTestId("requirement-status");
        await Expect(status.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "Met");
        foreach (var tag in ComplianceServer.RespiratoryPcs)
        {
            await Expect(status).Not.ToContainTextAsync(tag);
        }

        await Session.Screenshots.TakeAsync("requirement");

        await status.GetByTestId("export-pack").ClickAsync();
        var form = Page.GetByTestId("pack-form");
        await Expect(form.Locator("#departmentId")).ToHaveValueAsync(Server.CardiologyId.ToString(CultureInfo.InvariantCulture));
        await Expect(form.Locator("#requirements")).ToHaveValueAsync(Rule);
        var path = await ExportAsync(form, 1);
        await Expect(Page.GetByTestId("pack-row")).ToHaveCountAsync(1);

        using (var zip = ZipFile.OpenRead(path))
        {
            var sheet = XlsxText(zip, PackManifest.RecordsEntry(Rule));
            Assert.Contains(ComplianceServer.CardiologyPc, sheet, StringComparison.Ordinal);
            Assert.Contains(ComplianceServer.Nurse, sheet, StringComparison.Ordinal);
            var index = Text(zip, PackManifest.IndexEntry);
            Assert.All(ComplianceServer.RespiratoryPcs, tag =>
            {
                Assert.DoesNotContain(tag, sheet, StringComparison.Ordinal);
                Assert.DoesNotContain(tag, index, StringComparison.Ordinal);
            });
            Assert.DoesNotContain("呼吸内科", sheet, StringComparison.Ordinal);
        }

        var verification = await PackVerifier.VerifyFileAsync(path, TestContext.Current.CancellationToken);
        Assert.True(verification.Valid, "The downloaded pack does not verify.");
        Assert.Equal(Server.CardiologyId, verification.Manifest!.DepartmentId);
        AssertNoPageErrors();
    }

    /// <summary>Asks for the pack in the form, follows its progress until it is ready, and downloads it.</summary>
    private async Task<string> ExportAsync(ILocator form, int requirements)
    {
        await form.Locator("button[type='submit']").ClickAsync();
        var pack = Page.GetByTestId("pack-row").First;
        await Expect(pack.GetByTestId("pack-progress")).ToHaveTextAsync(ProgressPattern());
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"/ {requirements}"), await pack.GetByTestId("pack-progress").TextContentAsync(), StringComparison.Ordinal);
        await Session.Screenshots.TakeAsync("pack-requested");
        var download = pack.GetByTestId("pack-download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(pack.GetByTestId("pack-status")).ToHaveTextAsync("已完成");
        await Session.Screenshots.TakeAsync("pack-ready");
        var file = await Page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.EndsWith(".zip", file.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"xinke-pack-{Guid.NewGuid():N}.zip");
        await file.SaveAsAsync(path);
        return path;
    }

    /// <summary>The statuses of the listed rules never get better and then worse again.</summary>
    private static async Task<bool> StatusesAreWorstFirstAsync(ILocator rows)
    {
        string[] order = ["NotMet", "PartlyMet", "NotCoveredYet", "Met"];
        var statuses = await rows.Locator("[data-status]").EvaluateAllAsync<string[]>("badges => badges.map(b => b.dataset.status)");
        var ranks = statuses.Select(s => Array.IndexOf(order, s)).ToList();
        return ranks.Count > 1 && ranks.Zip(ranks.Skip(1)).All(p => p.First <= p.Second);
    }

    private static string XlsxText(ZipArchive pack, string path)
    {
        using var stream = pack.GetEntry(path)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        using var xlsx = new ZipArchive(buffer, ZipArchiveMode.Read);
        return string.Concat(xlsx.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }));
    }

    private static string Text(ZipArchive pack, string path)
    {
        using var reader = new StreamReader(pack.GetEntry(path)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, Beijing));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+ / \d+$")]
    private static partial Regex ProgressPattern();

    private async Task SignInAsync(string userName)
    {
        await LoginPage.OpenAsync(Session);
        var form = Page.GetByTestId("login-form");
        await form.Locator("#userName").FillAsync(userName);
        await form.Locator("#password").FillAsync(ComplianceServer.Password);
        await form.Locator("button[type='submit']").ClickAsync();
        await Expect(Page.GetByTestId("signed-in-as")).ToHaveTextAsync(userName);
    }
}
