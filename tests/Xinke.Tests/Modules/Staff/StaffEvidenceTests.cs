using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Modules.Organization.People;
using Xinke.Modules.Staff;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Staff;

/// <summary>The compliance grades of STAFF-01 and SEC-05 follow the training records (met at 100 %, partly from 80 %).</summary>
public abstract class StaffEvidenceTests(DatabaseKind kind) : IdentityTest(kind)
{
    public sealed class OnSqlite() : StaffEvidenceTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : StaffEvidenceTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "SEC-05")]
    public async Task Security_training_is_met_only_when_every_active_person_passed_within_twelve_months()
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "心血管内科");
        var first = await StaffTestRecords.PersonAsync(App, department, "李四");
        var second = await StaffTestRecords.PersonAsync(App, department, "赵六");
        var leaver = await StaffTestRecords.PersonAsync(App, department, "钱七", PersonStatus.Left);
        await StaffTestRecords.TrainAsync(App, first, TrainingKind.SecurityAwareness, null, new DateOnly(2025, 6, 1));
        await StaffTestRecords.TrainAsync(App, second, TrainingKind.SecurityAwareness, null, new DateOnly(2025, 1, 10));
        await StaffTestRecords.TrainAsync(App, second, TrainingKind.SecurityAwareness, null, new DateOnly(2026, 2, 1), AttendanceResult.Failed);
        await StaffTestRecords.TrainAsync(App, leaver, TrainingKind.SecurityAwareness, null, new DateOnly(2026, 2, 1));

        var before = await EvaluateAsync(StaffEvidence.SecurityTraining, department);
        Assert.Equal(ComplianceStatus.NotMet, before.Status);
        Assert.Equal([1, 2], before.Reason.Arguments.Cast<int>());

        await StaffTestRecords.TrainAsync(App, second, TrainingKind.SecurityAwareness, null, new DateOnly(2026, 2, 20));

        var after = await EvaluateAsync(StaffEvidence.SecurityTraining, department);
        Assert.Equal(ComplianceStatus.Met, after.Status);
        Assert.Equal([2, 2], after.Reason.Arguments.Cast<int>());
    }

    [Fact]
    [Trait("Req", "STAFF-01")]
    public async Task System_training_is_graded_by_the_share_of_systems_in_service_with_passes_in_the_period()
    {
        var department = await StaffTestRecords.DepartmentAsync(App, "信息科");
        var person = await StaffTestRecords.PersonAsync(App, department, "李四");
        var his = await StaffTestRecords.SystemAsync(App, department, "HIS");
        var lis = await StaffTestRecords.SystemAsync(App, department, "LIS");
        var retired = await StaffTestRecords.SystemAsync(App, department, "OLD", SystemStatus.Retired);
        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, his, new DateOnly(2026, 1, 15));
        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, retired, new DateOnly(2026, 1, 16));
        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, lis, new DateOnly(2025, 12, 20));
        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, lis, new DateOnly(2026, 2, 1), AttendanceResult.Absent);

        var before = await EvaluateAsync(StaffEvidence.SystemTraining, null);
        Assert.Equal(ComplianceStatus.NotMet, before.Status);
        Assert.Equal([1, 2, 1], before.Reason.Arguments.Cast<int>());

        await StaffTestRecords.TrainAsync(App, person, TrainingKind.SystemUse, lis, new DateOnly(2026, 2, 2));

        Assert.Equal(ComplianceStatus.Met, (await EvaluateAsync(StaffEvidence.SystemTraining, null)).Status);
    }

    /// <summary>The first quarter of 2026, judged on the shared clock's day.</summary>
    private async Task<EvidenceAnswer> EvaluateAsync(string requirement, long? department)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetServices<IEvidenceProvider>().OfType<StaffEvidence>().Single();
        var query = EvidenceQuery.For(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), department, scope.ServiceProvider.GetRequiredService<HospitalClock>(), Clock.GetUtcNow().UtcDateTime);
        return await provider.EvaluateAsync(requirement, query, Cancel);
    }
}
