using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Organization;

/// <summary>The people register: scoped to the caller's departments, phones masked, leavers locked out.</summary>
public abstract class PeopleApiTests(DatabaseKind kind) : OrganizationTest(kind)
{
    public sealed class OnSqlite() : PeopleApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PeopleApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task An_engineer_registers_a_person_and_a_second_one_with_the_same_employee_number_is_refused()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var created = await PostAsync(engineer, "/api/v1/people", new { employeeNumber = "N2026001", name = "李护士", departmentId = CardiologyWardId, title = "护士", phone = "13800138000" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("李护士", person.GetProperty("name").GetString());
        Assert.Equal("active", person.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal("13800138000", person.GetProperty("phone").GetString());
        var again = await PostAsync(engineer, "/api/v1/people", new { employeeNumber = "N2026001", name = "重名", departmentId = CardiologyId });
        Assert.Equal(PersonErrors.EmployeeNumberTaken, (await Problems.ReadAsync(again, HttpStatusCode.Conflict)).Code);
    }

    [Fact]
    public async Task A_person_without_a_name_is_refused_with_the_field_named()
    {
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var refused = await PostAsync(engineer, "/api/v1/people", new { employeeNumber = "N2026002", departmentId = CardiologyId });

        var problem = await Problems.ReadAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal(PersonErrors.InvalidName, problem.Code);
        Assert.True(problem.Errors.ContainsKey("name"));
        Assert.Equal(0, await WithDbAsync(db => db.Set<Person>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_liaison_keeps_the_people_of_their_own_department_only()
    {
        var liaison = await SignInAsync(await CreateUserAsync("zhao.lianluo", $"{BuiltInRoles.DeptLiaison}@{CardiologyId}"));
        var outsider = await PersonAsync("R0001", "呼吸科医生", RespiratoryId);

        var ownWard = await PostAsync(liaison, "/api/v1/people", new { employeeNumber = "N2026003", name = "新护士", departmentId = CardiologyWardId });
        var otherDepartment = await PostAsync(liaison, "/api/v1/people", new { employeeNumber = "N2026004", name = "别科护士", departmentId = RespiratoryId });
        var hidden = await liaison.GetAsync($"/api/v1/people/{outsider.Id}", Cancel);
        var list = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/people", Cancel);

        Assert.Equal(HttpStatusCode.Created, ownWard.StatusCode);
        Assert.Equal(PersonErrors.UnknownDepartment, (await Problems.ReadAsync(otherDepartment, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(["N2026003"], list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("employeeNumber").GetString()));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Phone_numbers_are_masked_for_readers_without_the_permission_and_a_clear_view_is_audited()
    {
        var person = await PersonAsync("N2026005", "陈医生", CardiologyId, phone: "13912345678");
        var leader = await SignInAsync(await CreateUserAsync("liu.yuanzhang", BuiltInRoles.Leadership));
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var masked = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person.Id}", Cancel);
        var listed = await leader.GetFromJsonAsync<JsonElement>("/api/v1/people", Cancel);
        var exported = await leader.GetStringAsync("/api/v1/people/export?format=csv", Cancel);
        var clear = await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person.Id}", Cancel);

        Assert.Equal("139****5678", masked.GetProperty("phone").GetString());
        Assert.Equal("139****5678", listed.GetProperty("items")[0].GetProperty("phone").GetString());
        Assert.DoesNotContain("13912345678", exported, StringComparison.Ordinal);
        Assert.Equal("13912345678", clear.GetProperty("phone").GetString());
        var views = await WithDbAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Action == SensitiveViews.ViewedAction && e.EntityType == PeopleApi.EntityType, Cancel));
        Assert.Equal(1, views);
        var stored = await WithDbAsync(db => db.Database.SqlQuery<string>($"""SELECT "Phone" AS "Value" FROM "People" """).SingleAsync(Cancel));
        Assert.DoesNotContain("13912345678", stored, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task A_person_who_leaves_has_their_account_disabled_at_once()
    {
        var person = await PersonAsync("N2026006", "离职护士", CardiologyId);
        var nurse = await CreateUserAsync("li.hushi", $"{BuiltInRoles.Staff}@{CardiologyId}");
        await WithDbAsync(async db =>
        {
            await db.Set<Account>().Where(a => a.Id == nurse.Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.PersonId, person.Id), Cancel);
            return 0;
        });
        var nurseClient = await SignInAsync(nurse);
        Assert.Equal(HttpStatusCode.OK, (await nurseClient.GetAsync("/api/v1/departments", Cancel)).StatusCode);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var left = await PostAsync(engineer, $"/api/v1/people/{person.Id}/status", new { status = "left", leftOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(AccountState.Disabled, (await ReloadAsync(nurse.Id)).State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nurseClient.GetAsync("/api/v1/departments", Cancel)).StatusCode);
        var stored = await WithDbAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id, Cancel));
        Assert.Equal(PersonStatus.Left, stored.Status);
        Assert.Equal(new DateOnly(2026, 3, 1), stored.LeftOn);
    }

    [Fact]
    [Trait("Req", "ACC-04")]
    public async Task A_person_who_leaves_before_their_pending_account_is_activated_has_it_disabled()
    {
        var person = await PersonAsync("N2026007", "未报到护士", CardiologyId);
        long pending;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("n2026007", "未报到护士", person.Id, AccountState.Pending, Cancel);
            pending = created.Value!.Account.Id;
        }

        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var left = await PostAsync(engineer, $"/api/v1/people/{person.Id}/status", new { status = "left", leftOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal(AccountState.Disabled, (await ReloadAsync(pending)).State);
    }

    [Fact]
    public async Task A_leaving_date_in_the_future_is_refused_and_changes_nothing()
    {
        var person = await PersonAsync("N2026007", "未来离职", CardiologyId);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var refused = await PostAsync(engineer, $"/api/v1/people/{person.Id}/status", new { status = "left", leftOn = "2026-04-01" });

        Assert.Equal(PersonErrors.InvalidLeftOn, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(PersonStatus.Active, (await WithDbAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id, Cancel))).Status);
    }

    [Fact]
    public async Task A_stale_edit_is_refused()
    {
        var person = await PersonAsync("N2026008", "张三", CardiologyId);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var first = await SendPatchAsync(engineer, person.Id, "\"1\"", new { title = "主治医师" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await SendPatchAsync(engineer, person.Id, "\"1\"", new { title = "副主任医师" });
        var missing = await SendPatchAsync(engineer, person.Id, null, new { title = "副主任医师" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("主治医师", (await WithDbAsync(db => db.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == person.Id, Cancel))).Title);
    }

    [Fact]
    [Trait("Req", "ACC-05")]
    public async Task An_account_is_created_for_a_registered_person_only_and_one_per_person()
    {
        var person = await PersonAsync("N2026009", "孙医生", CardiologyId);
        var system = await SignInAsync(await CreateUserAsync("sys.admin", BuiltInRoles.SysAdmin));

        var unknown = await PostAsync(system, "/api/v1/users", new { userName = "ghost", displayName = "无此人", personId = 999999 });
        var first = await PostAsync(system, "/api/v1/users", new { userName = "sun.yisheng", displayName = "孙医生", personId = person.Id });
        var second = await PostAsync(system, "/api/v1/users", new { userName = "sun.yisheng2", displayName = "孙医生", personId = person.Id });

        Assert.Equal(IdentityErrors.UnknownPerson, (await Problems.ReadAsync(unknown, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(IdentityErrors.PersonHasAccount, (await Problems.ReadAsync(second, HttpStatusCode.Conflict)).Code);
    }

    private static async Task<HttpResponseMessage> SendPatchAsync(HttpClient client, long id, string? etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/people/{id}") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await client.SendAsync(request, Cancel);
    }
}
