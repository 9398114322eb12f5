using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Checklists;
using Xinke.Kernel.Data;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets.Maintenance;

/// <summary>
/// Two maintenance plans of the demo hospital — the servers monthly and the UPS quarterly (the first one's records shown) —
/// with a year of records done by an IT engineer, one month of the servers' left out so the
/// calendar and EQ-04 show a missed period. Records of the past are written as they would have been
/// stored then: a completed checklist run, the record, timeline events and the obligation evidence.
/// </summary>
public sealed class MaintenanceDemoSeeder(
    XinkeDb db,
    MaintenanceService maintenance,
    ChecklistService checklists,
    ObligationRecords evidence,
    AssetHistory history,
    HumanCodes codes,
    HospitalClock hospital,
    TimeProvider clock) : IDemoSeeder
{
    public const string TemplateCode = "ASSET-MAINT";

    /// <summary>The month (counting back from this one) whose servers' maintenance was skipped.</summary>
    private const int MissedMonthsAgo = 5;

    public int Order => 630;

    public string Name => "maintenance";

    public async Task SeedAsync(DemoSize size, IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var engineer = await (from assignment in db.Set<RoleAssignment>().AsNoTracking()
                              join role in db.Set<Role>() on assignment.RoleId equals role.Id
                              where role.Name == BuiltInRoles.ItEngineer || role.Name == BuiltInRoles.ItDirector
                              orderby assignment.AccountId
                              select (long?)assignment.AccountId).FirstOrDefaultAsync(cancellationToken);
        var serverType = AssetType.BuiltIns.Single(t => t.Code == "server").Id;
        var upsType = AssetType.BuiltIns.Single(t => t.Code == "ups").Id;
        var servers = await db.Set<Asset>().AsNoTracking().Where(a => a.TypeId == serverType && a.Status != AssetStatus.Scrapped).OrderBy(a => a.Id).Take(20).ToListAsync(cancellationToken);
        var ups = await db.Set<Asset>().AsNoTracking().Where(a => a.TypeId == upsType && a.Status != AssetStatus.Scrapped).OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (engineer is null || servers.Count == 0 || ups is null || await db.Set<MaintenancePlan>().AnyAsync(cancellationToken))
        {
            progress.Report("maintenance: no IT engineer, servers or UPS (or plans exist already); no plans seeded");
            return;
        }

        var template = await TemplateAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = hospital.LocalDate(now);
        var yearAgo = new DateOnly(today.Year - 1, today.Month, 1);
        var from = new DateTimeOffset(hospital.StartOfDayUtc(yearAgo), TimeSpan.Zero);
        var monthly = await PlanAsync("服务器月度巡检维护", serverType, "0 9 1 * *", from, cancellationToken);
        var quarterly = await PlanAsync("UPS 季度维护（电池放电测试）", upsType, "0 9 1 1,4,7,10 *", from, cancellationToken);

        var records = 0;
        for (var month = yearAgo; hospital.StartOfDayUtc(month).AddDays(2) < now; month = month.AddMonths(1))
        {
            var monthsAgo = ((today.Year - month.Year) * 12) + today.Month - month.Month;
            var at = hospital.StartOfDayUtc(month.AddDays(2)).AddHours(2);
            if (monthsAgo != MissedMonthsAgo)
            {
                await RecordAsync(monthly, template, servers, engineer.Value, at, MaintenanceResult.Ok, null, cancellationToken);
                records++;
            }

            if (month.Month is 1 or 4 or 7 or 10)
            {
                await RecordAsync(quarterly, template, [ups], engineer.Value, at.AddHours(3), monthsAgo == 3 ? MaintenanceResult.Issues : MaintenanceResult.Ok, monthsAgo == 3 ? "电池组 3 号单体电压偏低，已报采购" : null, cancellationToken);
                records++;
            }
        }

        progress.Report($"maintenance: 2 plans, {records} records, one missed month");
    }

    private async Task<TemplateView> TemplateAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Set<ChecklistTemplate>().AsNoTracking().Where(t => t.Code == TemplateCode).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            return (await checklists.TemplateAsync(id, null, cancellationToken))!;
        }

        var created = await checklists.CreateTemplateAsync(
            new TemplateInput(TemplateCode, "设备定期维护", ChecklistKind.Maintenance, "除尘、固件与补丁、告警与日志、备件", null, null,
            [
                new ItemInput("外观与散热正常，已除尘", ChecklistItemType.YesNo),
                new ItemInput("固件与系统补丁为当前基线", ChecklistItemType.YesNo),
                new ItemInput("无未处理的硬件告警", ChecklistItemType.YesNo),
                new ItemInput("温度（℃）", ChecklistItemType.Number, 10, 35, "℃"),
            ]),
            cancellationToken);
        return created.Value ?? throw new InvalidOperationException($"The demo maintenance template was refused: {created.Error?.Code}");
    }

    private async Task<MaintenancePlan> PlanAsync(string title, long typeId, string schedule, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var created = await maintenance.CreatePlanAsync(new MaintenancePlanInput(title, typeId, null, TemplateCode, ScheduleKind.Cron, schedule, OwnerKind.Role, BuiltInRoles.ItEngineer, 72, from, true), cancellationToken);
        return created.Value ?? throw new InvalidOperationException($"The demo maintenance plan was refused: {created.Error?.Code}");
    }

    private async Task RecordAsync(MaintenancePlan plan, TemplateView template, IReadOnlyList<Asset> assets, long engineer, DateTime at, MaintenanceResult result, string? notes, CancellationToken cancellationToken)
    {
        var departments = assets.Select(a => a.OwningDepartmentId).Distinct().ToList();
        await AmbientTransaction.RunAsync(db, async () =>
        {
            var run = new ChecklistRun
            {
                Code = await codes.NextAsync(ChecklistRun.CodeKind, cancellationToken),
                TemplateId = template.Template.Id,
                RevisionId = template.Revision.Id,
                SubjectType = MaintenancePlan.SubjectType,
                SubjectId = plan.Id,
                SubjectLabel = plan.Title,
                DepartmentId = departments.Count == 1 ? departments[0] : null,
                PerformedById = engineer,
                StartedAt = at,
                CompletedAt = at.AddMinutes(40),
                State = ChecklistRunState.Completed,
                Readings = [.. template.Revision.Items.Select(i => new ChecklistReading
                {
                    ItemId = i.Id,
                    Value = i.Type == ChecklistItemType.Number ? "24" : "yes",
                    Ok = true,
                    RecordedById = engineer,
                    RecordedAt = at.AddMinutes(30),
                })],
            };
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            var record = new MaintenanceRecord
            {
                Code = await codes.NextAsync(MaintenanceRecord.CodeKind, cancellationToken),
                PlanId = plan.Id,
                ChecklistRunId = run.Id,
                Result = result,
                Notes = notes,
                PerformedAt = at.AddMinutes(40),
                PerformedById = engineer,
                Assets = [.. assets.Select(a => new MaintenanceRecordAsset { AssetId = a.Id })],
            };
            db.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var asset in assets)
            {
                history.Record(asset.Id, AssetEventKind.Maintenance, $"维护：{plan.Title}（{record.Code}）", engineer, "maintenance", record.Id).At = record.PerformedAt;
            }

            await evidence.ReportAsync(new ObligationEvidence(MaintenancePlan.EvidenceKind, MaintenancePlan.SubjectType, plan.Id.ToString(CultureInfo.InvariantCulture), record.PerformedAt, engineer, record.Code), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<MaintenanceRecord>.Success(record);
        }, cancellationToken);
    }
}
