using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Departments;
using Xinke.Tests.Kernel.Identity.Scoped;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>Department-scoped roles reach their department and the ones beneath it, in lists, details and exports.</summary>
public abstract class DepartmentScopeTests(DatabaseKind kind) : IdentityTest(kind)
{
    private long internalMedicine;
    private long ward;
    private long surgery;

    public sealed class OnSqlite() : DepartmentScopeTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : DepartmentScopeTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddScopedRecordModule();
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ScopedRecordModel.CreateTableSql(Kind), Cancel));
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var campus = (await departments.CreateAsync("本部院区", hospital, DepartmentKind.Campus, Cancel)).Value!.Id;
        internalMedicine = (await departments.CreateAsync("内科", campus, DepartmentKind.Department, Cancel)).Value!.Id;
        ward = (await departments.CreateAsync("内科一病区", internalMedicine, DepartmentKind.Ward, Cancel)).Value!.Id;
        surgery = (await departments.CreateAsync("外科", campus, DepartmentKind.Department, Cancel)).Value!.Id;
        var db = scope.ServiceProvider.GetRequiredService<XinkeDb>();
        db.AddRange(
            new ScopedRecord { Title = "内科打印机", DepartmentId = internalMedicine },
            new ScopedRecord { Title = "病区护士站电脑", DepartmentId = ward },
            new ScopedRecord { Title = "外科交换机", DepartmentId = surgery },
            new ScopedRecord { Title = "全院核心机房", DepartmentId = null });
        await db.SaveChangesAsync(Cancel);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_scoped_role_lists_its_department_and_the_ones_beneath()
    {
        var head = await SignInAsync(await CreateUserAsync("head1", $"dept-head@{internalMedicine}"));

        var page = await head.GetFromJsonAsync<Page<ScopedRecordDto>>("/api/v1/test-scoped", Cancel);

        Assert.Equal(["内科打印机", "病区护士站电脑"], page!.Items.Select(r => r.Title));
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task A_record_outside_the_scope_is_not_found()
    {
        var head = await SignInAsync(await CreateUserAsync("head1", $"dept-head@{internalMedicine}"));
        var ids = await WithDbAsync(db => db.Set<ScopedRecord>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Cancel));

        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/v1/test-scoped/{ids[1]}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/test-scoped/{ids[2]}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/v1/test-scoped/{ids[3]}", Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "ACC-02")]
    public async Task An_export_holds_only_the_records_in_scope()
    {
        var head = await SignInAsync(await CreateUserAsync("head1", $"dept-head@{ward}"));

        var csv = await head.GetStringAsync("/api/v1/test-scoped/export", Cancel);

        Assert.Contains("病区护士站电脑", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("内科打印机", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("外科交换机", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("全院核心机房", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scopes_of_several_assignments_add_up_and_an_unscoped_role_reaches_everything()
    {
        var two = await SignInAsync(await CreateUserAsync("head2", $"dept-head@{ward}", $"dept-liaison@{surgery}"));
        var director = await SignInAsync(await CreateUserAsync("director", "it-director"));

        var twoPage = await two.GetFromJsonAsync<Page<ScopedRecordDto>>("/api/v1/test-scoped", Cancel);
        var directorPage = await director.GetFromJsonAsync<Page<ScopedRecordDto>>("/api/v1/test-scoped", Cancel);

        Assert.Equal(["病区护士站电脑", "外科交换机"], twoPage!.Items.Select(r => r.Title));
        Assert.Equal(4, directorPage!.Items.Count);
    }

    [Fact]
    public async Task A_caller_without_the_permission_gets_403_not_an_empty_list()
    {
        var auditor = await SignInAsync(await CreateUserAsync("aud1", "auditadmin"));

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/test-scoped", Cancel)).StatusCode);
    }
}
