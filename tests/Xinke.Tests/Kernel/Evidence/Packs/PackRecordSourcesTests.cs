using System.Globalization;
using System.Net;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Modules.Assets;
using Xinke.Tests.Modules.ServiceDesk;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>
/// The records the modules put in a pack (ACR-02): each source lists the records of the period
/// asked and none outside it, only the department's own for a department, with column titles in
/// both languages.
/// </summary>
public abstract class PackRecordSourcesTests(DatabaseKind kind) : AssetsTest(kind)
{
    private static readonly ResourceManager Resources = new("Xinke.Resources.SharedResource", typeof(EvidencePackBuilder).Assembly);
    private static readonly string[] Register = ["EQ-08"];
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly EndOfMarch = new(2026, 3, 31);

    public sealed class OnSqlite() : PackRecordSourcesTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PackRecordSourcesTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task Every_source_runs_its_queries_hospital_wide_and_for_a_department_with_titles_in_both_languages()
    {
        var lab = await DepartmentAsync("检验科");
        await using var scope = App.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetServices<IEvidenceRecordSource>().ToList();
        var served = sources.SelectMany(s => s.RequirementIds).ToHashSet();
        Assert.Superset(new HashSet<string> { "EQ-01", "EQ-02", "EQ-03", "EQ-04", "EQ-05", "EQ-06", "EQ-07", "EQ-08", "ORG-05", "OPS-07", "CHG-07", "ROOM-03", "SEC-03", "ORG-06", "ORG-02" }, served);

        foreach (var source in sources)
        {
            foreach (var requirementId in source.RequirementIds)
            {
                foreach (var department in new long?[] { null, lab })
                {
                    var query = Query(March, EndOfMarch, department);
                    await foreach (var sheet in source.SheetsAsync(requirementId, query, Cancel))
                    {
                        foreach (var key in sheet.HeaderKeys.Prepend(sheet.TitleKey))
                        {
                            Assert.False(string.IsNullOrWhiteSpace(Text(key, "zh-CN")), $"{key} has no zh-CN text");
                            Assert.False(string.IsNullOrWhiteSpace(Text(key, "en-US")), $"{key} has no en-US text");
                        }

                        await foreach (var row in sheet.Rows.WithCancellation(Cancel))
                        {
                            Assert.Equal(sheet.HeaderKeys.Count, row.Cells.Count);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    [Trait("Req", "EQ-08")]
    public async Task A_department_scoped_users_pack_holds_only_their_departments_devices()
    {
        var lab = await DepartmentAsync("检验科");
        var pharmacy = await DepartmentAsync("药剂科");
        await StoredAssetAsync(lab, "ZC-2026-000101", a => a.CreatedAt = Now().AddDays(-1));
        await StoredAssetAsync(pharmacy, "ZC-2026-000201", a => a.CreatedAt = Now().AddDays(-1));
        var reviewer = await SignInAsync(await CreateUserAsync("labreviewer", $"{BuiltInRoles.Reviewer}@{lab}"));

        var response = await PostAsync(reviewer, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Register });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ready = await PackDownloads.ReadyAsync(reviewer, response.Headers.Location!.ToString());
        var files = PackFiles.Read(await PackDownloads.DownloadAsync(reviewer, ready));
        var records = PackFiles.XlsxText(files["records/EQ-08.xlsx"]);
        Assert.Contains("ZC-2026-000101", records, StringComparison.Ordinal);
        Assert.DoesNotContain("ZC-2026-000201", records, StringComparison.Ordinal);
        Assert.DoesNotContain("ZC-2026-000201", System.Text.Encoding.UTF8.GetString(files[PackManifest.IndexEntry]), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    [Trait("Req", "EQ-08")]
    public async Task The_register_sheet_of_a_pack_names_each_devices_responsible_person_with_their_employee_number()
    {
        var lab = await DepartmentAsync("检验科");
        var nurse = await PersonAsync(lab, "E2001", "李护士");
        await StoredAssetAsync(lab, "ZC-2026-000101", a => (a.CreatedAt, a.ResponsiblePersonId) = (Now().AddDays(-1), nurse));
        await StoredAssetAsync(lab, "ZC-2026-000102", a => a.CreatedAt = Now().AddDays(-1));
        var reviewer = await SignInAsync(await CreateUserAsync("sun.shencha", BuiltInRoles.Reviewer));

        var response = await PostAsync(reviewer, "/api/v1/evidence-packs", new { from = "2026-03-01", to = "2026-03-31", requirementIds = Register });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ready = await PackDownloads.ReadyAsync(reviewer, response.Headers.Location!.ToString());
        var files = PackFiles.Read(await PackDownloads.DownloadAsync(reviewer, ready));
        using var sheet = new MemoryStream(files["records/EQ-08.xlsx"]);
        var rows = MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r[Text("evidencerecords.tag", "zh-CN")!]!);
        var responsible = Text("evidencerecords.responsible_person", "zh-CN")!;
        var number = Text("evidencerecords.employee_number", "zh-CN")!;
        Assert.Equal("李护士", rows["ZC-2026-000101"][responsible]);
        Assert.Equal("E2001", rows["ZC-2026-000101"][number]);
        Assert.True(string.IsNullOrEmpty(rows["ZC-2026-000102"][responsible] as string));
    }

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task The_repairs_sheet_lists_the_repairs_started_in_the_period_and_none_outside_it()
    {
        var lab = await DepartmentAsync("检验科");
        var pharmacy = await DepartmentAsync("药剂科");
        var engineer = await CreateUserAsync("wang.gongchengshi", BuiltInRoles.ItDirector);
        var labPc = await StoredAssetAsync(lab, "ZC-2026-000101");
        var pharmacyPc = await StoredAssetAsync(pharmacy, "ZC-2026-000201");
        await RepairAsync(labPc, engineer.Id, new DateTime(2026, 2, 28, 15, 59, 0, DateTimeKind.Utc), "before");
        await RepairAsync(labPc, engineer.Id, new DateTime(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc), "first-day");
        await RepairAsync(labPc, engineer.Id, new DateTime(2026, 3, 31, 15, 59, 0, DateTimeKind.Utc), "last-day");
        await RepairAsync(labPc, engineer.Id, new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), "after");
        await RepairAsync(pharmacyPc, engineer.Id, new DateTime(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc), "pharmacy");
        Clock.Advance(TimeSpan.FromDays(40));

        var all = await CellsAsync("EQ-05", null);
        var labOnly = await CellsAsync("EQ-05", lab);

        Assert.Equal(["first-day", "pharmacy", "last-day"], all.Select(r => (string)r[6]!));
        Assert.Equal(["first-day", "last-day"], labOnly.Select(r => (string)r[6]!));
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task The_loans_sheet_lists_loans_returned_in_the_period_or_still_out_at_its_end()
    {
        var it = await DepartmentAsync("信息科");
        var director = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        var person = await PersonAsync(it, "E1001", "李护士");
        await LoanAsync(it, person, director.Id, "JY-before", new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 20, 0, 0, 0, DateTimeKind.Utc));
        await LoanAsync(it, person, director.Id, "JY-returned", new DateTime(2026, 2, 25, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc));
        await LoanAsync(it, person, director.Id, "JY-out", new DateTime(2026, 3, 20, 0, 0, 0, DateTimeKind.Utc), null);
        await LoanAsync(it, person, director.Id, "JY-after", new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 5, 0, 0, 0, DateTimeKind.Utc));
        Clock.Advance(TimeSpan.FromDays(40));

        var rows = await CellsAsync(LoanErrors.Requirement, null);

        Assert.Equal(["JY-returned", "JY-out"], rows.Select(r => (string)r[0]!));
        Assert.All(rows, r => Assert.Equal(("李护士", "E1001"), ((string)r[3]!, (string)r[4]!)));
        Assert.Equal([true, false], rows.Select(r => (bool)r[^1]!));
    }

    [Fact]
    [Trait("Req", "ROOM-03")]
    [Trait("Req", "OPS-07")]
    public async Task The_ticket_sheets_list_the_faults_reported_and_the_tickets_resolved_in_the_period_and_no_others()
    {
        var lab = await DepartmentAsync("检验科");
        var pharmacy = await DepartmentAsync("药剂科");
        await WithDbAsync(async db =>
        {
            await TicketRecords.AddAsync(db, "GZ-before", TicketKind.Fault, t => (t.DepartmentId, t.ResolvedAt) = (lab, TicketRecords.Utc(2, 28, 1)), (TicketRecords.Utc(2, 27, 1), TicketStatus.New, null), (TicketRecords.Utc(2, 28, 1), TicketStatus.Resolved, null));
            await TicketRecords.AddAsync(db, "GZ-in", TicketKind.Fault, t => (t.DepartmentId, t.ResolvedAt) = (lab, TicketRecords.Utc(3, 3, 1)), (TicketRecords.Utc(3, 2, 1), TicketStatus.New, null), (TicketRecords.Utc(3, 3, 1), TicketStatus.Resolved, null));
            await TicketRecords.AddAsync(db, "GZ-pharmacy", TicketKind.Fault, t => t.DepartmentId = pharmacy, (TicketRecords.Utc(3, 4, 1), TicketStatus.New, null));
            await TicketRecords.AddAsync(db, "GZ-after", TicketKind.Fault, t => t.DepartmentId = lab, (TicketRecords.Utc(4, 1, 1), TicketStatus.New, null));
            return 0;
        });
        Clock.Advance(TimeSpan.FromDays(40));

        var faults = await CellsAsync("ROOM-03", null);
        var labFaults = await CellsAsync("ROOM-03", lab);
        var resolved = await SheetsAsync("OPS-07", null);

        Assert.Equal(["GZ-in", "GZ-pharmacy"], faults.Select(r => (string)r[0]!));
        Assert.Equal(["GZ-in"], labFaults.Select(r => (string)r[0]!));
        Assert.Equal(["GZ-in"], resolved.Single(s => s.Title == "evidencerecords.tickets_resolved").Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    [Trait("Req", "ORG-02")]
    public async Task The_documents_sheet_lists_the_documents_covering_days_of_the_period_with_their_files()
    {
        var owner = await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector);
        await DocumentAsync(owner.Id, "2025 年制度", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var file = await DocumentAsync(owner.Id, "2026 年制度", new DateOnly(2026, 1, 1), null);
        Clock.Advance(TimeSpan.FromDays(40));

        var sheet = (await SheetsAsync("ORG-02", null)).Single();

        Assert.Equal(["2026 年制度"], sheet.Rows.Select(r => (string)r[1]!));
        Assert.Equal([file], sheet.Files.Single());
    }

    private static string? Text(string key, string culture) =>
        Resources.GetResourceSet(culture == "zh-CN" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!.GetString(key);

    private DateTime Now() => Clock.GetUtcNow().UtcDateTime;

    private EvidenceQuery Query(DateOnly from, DateOnly to, long? department)
    {
        var hospital = App.Services.GetRequiredService<HospitalClock>();
        return EvidenceQuery.For(from, to, department, hospital, Now());
    }

    private async Task<List<object?[]>> CellsAsync(string requirementId, long? department) =>
        [.. (await SheetsAsync(requirementId, department)).SelectMany(s => s.Rows)];

    private async Task<List<(string Title, List<object?[]> Rows, List<long[]> Files)>> SheetsAsync(string requirementId, long? department)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var query = Query(March, EndOfMarch, department);
        var sheets = new List<(string, List<object?[]>, List<long[]>)>();
        foreach (var source in scope.ServiceProvider.GetServices<IEvidenceRecordSource>().Where(s => s.RequirementIds.Contains(requirementId)))
        {
            await foreach (var sheet in source.SheetsAsync(requirementId, query, Cancel))
            {
                var rows = new List<object?[]>();
                var files = new List<long[]>();
                await foreach (var row in sheet.Rows.WithCancellation(Cancel))
                {
                    rows.Add([.. row.Cells]);
                    files.Add([.. row.AttachmentIds]);
                }

                sheets.Add((sheet.TitleKey, rows, files));
            }
        }

        return sheets;
    }

    private Task<long> RepairAsync(long assetId, long recordedBy, DateTime startedAt, string vendor) =>
        WithDbAsync(async db =>
        {
            var repair = new AssetRepair { AssetId = assetId, Kind = RepairKind.Vendor, VendorName = vendor, VendorEngineer = "赵工", StartedAt = startedAt, RecordedById = recordedBy, Fault = "无法开机" };
            db.Add(repair);
            await db.SaveChangesAsync(Cancel);
            return repair.Id;
        });

    private async Task LoanAsync(long department, long person, long account, string code, DateTime lentAt, DateTime? returnedAt)
    {
        var asset = await StoredAssetAsync(department, $"ZC-{code}");
        await WithDbAsync(async db =>
        {
            db.Add(new AssetLoan
            {
                Code = code,
                AssetId = asset,
                BorrowerPersonId = person,
                DepartmentId = department,
                LentAt = lentAt,
                LentById = account,
                DueAt = lentAt.AddDays(3),
                ConditionOut = "完好",
                ReturnedAt = returnedAt,
                InspectedById = returnedAt is null ? null : account,
                ReturnCondition = returnedAt is null ? null : "完好",
            });
            return await db.SaveChangesAsync(Cancel);
        });
    }

    private async Task<long> DocumentAsync(long owner, string title, DateOnly from, DateOnly? to)
    {
        var document = await WithDbAsync(async db =>
        {
            var added = new EvidenceDocument
            {
                Code = $"ZJ-{title}",
                Title = title,
                Kind = EvidenceDocumentKind.Policy,
                CoversFrom = from,
                CoversTo = to,
                OwnerAccountId = owner,
                CreatedAt = Now(),
                Requirements = [new EvidenceDocumentRequirement { RequirementId = "ORG-02" }],
            };
            db.Add(added);
            await db.SaveChangesAsync(Cancel);
            return added.Id;
        });
        await using var scope = App.Services.CreateAsyncScope();
        using var content = new MemoryStream(AttachmentUploads.Pdf());
        var file = await scope.ServiceProvider.GetRequiredService<AttachmentService>().AddAsync(EvidenceDocument.OwnerType, document, "制度.pdf", content, null, null, Cancel);
        Assert.True(file.Succeeded, file.Error?.Code);
        return file.Value!.Id;
    }
}
