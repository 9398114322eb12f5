using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Repairs;
using Xinke.Modules.Assets.Requests;
using Xinke.Modules.Assets.Scrapping;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets;

/// <summary>
/// The equipment rule check after generation (<c>xinke check</c>): the small demo hospital passes it,
/// then records written around the services — as a corrupt import or a hand edit would — are each
/// named with the rule they break and the record that breaks it.
/// </summary>
public abstract class AssetRuleChecksTests(DatabaseKind kind) : IntegrationTest(kind)
{
    public sealed class OnSqlite() : AssetRuleChecksTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetRuleChecksTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-01")]
    public async Task A_key_device_stored_without_its_designated_location_is_reported()
    {
        await CleanDemoAsync();

        var tag = await App.WithDbAsync(async db =>
        {
            var asset = await db.Set<Asset>().OrderBy(a => a.Id).FirstAsync(a => !a.IsKeyDevice, Cancel);
            asset.IsKeyDevice = true;
            asset.DesignatedLocation = null;
            await db.SaveChangesAsync(Cancel);
            return asset.Tag;
        });

        var found = await ViolationsAsync();
        Assert.Contains(found, v => v.RequirementId == "EQ-01" && v.Record == tag);
        Assert.Single(found);
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task A_request_handed_out_without_its_approval_on_another_requests_approval_or_whose_count_disagrees_is_reported()
    {
        await CleanDemoAsync();

        var (unapproved, miscounted, borrowed) = await App.WithDbAsync(async db =>
        {
            var handedOut = await db.Set<AssetRequest>().Where(r => r.Status == AssetRequestStatus.Fulfilled || r.Status == AssetRequestStatus.Closed)
                .OrderBy(r => r.Id).Take(3).ToListAsync(Cancel);
            Assert.Equal(3, handedOut.Count);
            handedOut[0].ApprovalId = null;
            handedOut[1].FulfilledCount++;
            handedOut[2].ApprovalId = handedOut[1].ApprovalId;
            await db.SaveChangesAsync(Cancel);
            return (handedOut[0].Code, handedOut[1].Code, handedOut[2].Code);
        });

        var found = await ViolationsAsync();
        Assert.Contains(found, v => v.RequirementId == "EQ-02" && v.Record == unapproved && v.Message.Contains("approval", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-02" && v.Record == miscounted && v.Message.Contains("count", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-02" && v.Record == borrowed && v.Message.Contains("another record", StringComparison.Ordinal));
        Assert.Equal(3, found.Count);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_loan_closed_without_its_inspection_one_inspected_by_its_borrower_and_an_unwiped_one_are_reported()
    {
        await CleanDemoAsync();

        var (uninspected, selfInspected, unwiped) = await App.WithDbAsync(async db =>
        {
            var returned = await db.Set<AssetLoan>().Where(l => l.ReturnedAt != null).OrderBy(l => l.Id).Take(3).ToListAsync(Cancel);
            Assert.Equal(3, returned.Count);
            returned[0].InspectedById = null;
            returned[1].BorrowerPersonId = await db.Set<Account>().Where(a => a.Id == returned[1].InspectedById).Select(a => a.PersonId!.Value).SingleAsync(Cancel);
            returned[2].DataWiped = false;
            await db.Set<Asset>().Where(a => a.Id == returned[2].AssetId).ExecuteUpdateAsync(u => u.SetProperty(a => a.HoldsData, true), Cancel);
            await db.SaveChangesAsync(Cancel);
            return (returned[0].Code, returned[1].Code, returned[2].Code);
        });

        var found = await ViolationsAsync();
        Assert.Contains(found, v => v.RequirementId == "EQ-03" && v.Record == uninspected && v.Message.Contains("without a return inspection", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-03" && v.Record == selfInspected && v.Message.Contains("by its borrower", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-03" && v.Record == unwiped && v.Message.Contains("wiped", StringComparison.Ordinal));
        Assert.Equal(3, found.Count);
    }

    [Fact]
    [Trait("Req", "EQ-05")]
    public async Task A_repair_recorded_by_someone_without_the_repair_permission_is_reported_and_one_by_an_engineer_is_not()
    {
        await CleanDemoAsync();
        var accounts = await DemoAccountsAsync();

        var (byHead, byEngineer) = await App.WithDbAsync(async db =>
        {
            var assets = await db.Set<Asset>().Where(a => a.Status == AssetStatus.InUse).OrderBy(a => a.Id).Take(2).ToListAsync(Cancel);
            foreach (var (asset, recorder) in assets.Zip([accounts[BuiltInRoles.DeptHead], accounts[BuiltInRoles.ItEngineer]]))
            {
                db.Add(new AssetRepair { AssetId = asset.Id, Fault = "屏幕不亮", Kind = RepairKind.InHouse, StartedAt = Now, PreviousStatus = asset.Status, RecordedById = recorder });
            }

            await db.SaveChangesAsync(Cancel);
            return (assets[0].Tag, assets[1].Tag);
        });

        var found = await ViolationsAsync();
        Assert.Contains(found, v => v.RequirementId == "EQ-05" && v.Record == byHead && v.Message.Contains(Xinke.Modules.Assets.AssetsPermissions.Repair, StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.Record == byEngineer);
        Assert.Single(found);
    }

    [Fact]
    [Trait("Req", "EQ-06")]
    public async Task Scrappings_whose_appraisal_or_approval_breaks_the_rules_or_without_destroying_data_are_reported()
    {
        await CleanDemoAsync();
        var accounts = await DemoAccountsAsync();
        var (engineer, head, director, leadership) =
            (accounts[BuiltInRoles.ItEngineer], accounts[BuiltInRoles.DeptHead], accounts[BuiltInRoles.ItDirector], accounts[BuiltInRoles.Leadership]);

        var tags = await App.WithDbAsync(async db =>
        {
            var requestApproval = await db.Set<AssetRequest>().Where(r => r.Status == AssetRequestStatus.Fulfilled).Select(r => r.ApprovalId!.Value).FirstAsync(Cancel);
            var assets = await db.Set<Asset>().Where(a => a.Status == AssetStatus.InUse && !a.HoldsData).OrderBy(a => a.Id).Take(7).ToListAsync(Cancel);
            Assert.Equal(7, assets.Count);
            (long Appraiser, AppraisalRecommendation Advice, ScrappingStatus Status, long? Decider)[] plants =
            [
                (director, AppraisalRecommendation.Repair, ScrappingStatus.Approved, head),
                (engineer, AppraisalRecommendation.Scrap, ScrappingStatus.Approved, head),
                (director, AppraisalRecommendation.Scrap, ScrappingStatus.Approved, director),
                (director, AppraisalRecommendation.Scrap, ScrappingStatus.Completed, head),
                (leadership, AppraisalRecommendation.Scrap, ScrappingStatus.Approved, head),
                (director, AppraisalRecommendation.Scrap, ScrappingStatus.Approved, null),
                (director, AppraisalRecommendation.Scrap, ScrappingStatus.Completed, head),
            ];
            assets[3].HoldsData = true;
            foreach (var (asset, (appraiser, advice, status, decider)) in assets.Zip(plants))
            {
                var appraisal = new AssetAppraisal { AssetId = asset.Id, AppraiserId = appraiser, AppraisedAt = Now, Findings = "主板烧毁", Recommendation = advice };
                db.Add(appraisal);
                await db.SaveChangesAsync(Cancel);
                var scrapping = new AssetScrapping
                {
                    AssetId = asset.Id,
                    AppraisalId = appraisal.Id,
                    Reason = "无维修价值",
                    StartedById = engineer,
                    StartedAt = Now,
                    PreviousStatus = asset.Status,
                    Status = status,
                    DisposalMethod = status == ScrappingStatus.Completed ? "交回收商" : null,
                };
                db.Add(scrapping);
                await db.SaveChangesAsync(Cancel);
                scrapping.ApprovalId = decider is { } by ? await ApprovedScrappingAsync(db, scrapping, asset.Tag, engineer, by) : requestApproval;
            }

            await db.SaveChangesAsync(Cancel);
            return assets.Select(a => a.Tag).ToList();
        });

        var found = await ViolationsAsync();
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[0] && v.Message.Contains("appraisal that finds it unfit", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[1] && v.Message.Contains("also started", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[2] && v.Message.Contains("also decided its approval", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[3] && v.Message.Contains("destruction", StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[4] && v.Message.Contains(Xinke.Modules.Assets.AssetsPermissions.Appraise, StringComparison.Ordinal));
        Assert.Contains(found, v => v.RequirementId == "EQ-06" && v.Record == tags[5] && v.Message.Contains("another record", StringComparison.Ordinal));
        Assert.DoesNotContain(found, v => v.Record == tags[6]);
        Assert.Equal(6, found.Count);
    }

    /// <summary>An approval of the scrapping itself, opened by its starter and approved by <paramref name="decider"/> alone.</summary>
    private async Task<long> ApprovedScrappingAsync(XinkeDb db, AssetScrapping scrapping, string tag, long starter, long decider)
    {
        var subject = new ApprovalSubject("assets", "scrapping", scrapping.Id.ToString(CultureInfo.InvariantCulture), tag, $"报废 {tag}", null);
        var approval = ApprovalRequest.Open(
            $"APR-PLANTED-{scrapping.Id}", ScrappingService.ApprovalKind, subject, starter, null, [new ApprovalStep { Order = 1, AccountId = decider }], Now, Now.AddDays(7));
        db.Add(approval);
        await db.SaveChangesAsync(Cancel);
        Assert.True(approval.Decide(decider, ApprovalVerdict.Approve, null, null, Now).Succeeded);
        await db.SaveChangesAsync(Cancel);
        Assert.Equal(ApprovalState.Approved, approval.State);
        return approval.Id;
    }

    /// <summary>The small demo hospital, which passes every record check before anything is planted.</summary>
    private async Task CleanDemoAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var ran = await scope.ServiceProvider.GetRequiredService<DemoRunner>().RunAsync(DemoSize.Small, new Progress<string>(), Cancel);
        Assert.True(ran.Succeeded, ran.Error?.Code);
        var report = await scope.ServiceProvider.GetRequiredService<ConsistencyCheck>().RunAsync(null, Cancel);
        Assert.True(report.Consistent, string.Join("; ", report.Violations.Select(v => $"{v.RequirementId} {v.Record}: {v.Message}")));
    }

    private DateTime Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private Task<Dictionary<string, long>> DemoAccountsAsync() =>
        App.WithDbAsync(db => db.Set<Account>().AsNoTracking()
            .Where(a => a.UserName == BuiltInRoles.ItEngineer || a.UserName == BuiltInRoles.DeptHead || a.UserName == BuiltInRoles.ItDirector || a.UserName == BuiltInRoles.Leadership)
            .ToDictionaryAsync(a => a.UserName, a => a.Id, Cancel));

    /// <summary>What the check finds in the assets area, once every other area is still clean.</summary>
    private async Task<IReadOnlyList<RuleViolation>> ViolationsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ConsistencyCheck>().RunAsync(null, Cancel);
        Assert.All(report.Areas.Where(a => a.Area != "assets"), a => Assert.Equal(0, a.ViolationCount));
        return report.Areas.Single(a => a.Area == "assets").Violations;
    }
}
