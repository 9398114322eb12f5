using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.ServiceDesk;

/// <summary>
/// Base of the service-desk tests: a hospital with cardiology and radiology, staff linked to people
/// of those departments, helpers to file and move tickets, and to run the module's jobs. The clock
/// starts on Monday 2026-03-02, 08:30 in Beijing (00:30 UTC), within office hours.
/// </summary>
public abstract class ServiceDeskTest(DatabaseKind kind) : IdentityTest(kind)
{
    protected long Cardiology { get; private set; }

    protected long Radiology { get; private set; }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        (Cardiology, Radiology) = await WithDbAsync(async db =>
        {
            var root = new Department { Name = "信科医院", Kind = DepartmentKind.Hospital, Path = "/0/" };
            db.Add(root);
            await db.SaveChangesAsync(Cancel);
            root.Path = $"/{root.Id}/";
            var a = new Department { Name = "心血管内科", Kind = DepartmentKind.Department, ParentId = root.Id, Path = "/x/" };
            var b = new Department { Name = "放射科", Kind = DepartmentKind.Department, ParentId = root.Id, Path = "/y/" };
            db.AddRange(a, b);
            await db.SaveChangesAsync(Cancel);
            a.Path = $"/{root.Id}/{a.Id}/";
            b.Path = $"/{root.Id}/{b.Id}/";
            await db.SaveChangesAsync(Cancel);
            return (a.Id, b.Id);
        });
    }

    /// <summary>A staff account whose person works in <paramref name="departmentId"/>.</summary>
    protected async Task<Account> StaffAsync(string userName, long departmentId, params string[] roles)
    {
        var account = await CreateUserAsync(userName, roles.Length == 0 ? [BuiltInRoles.Staff] : roles);
        await WithDbAsync(async db =>
        {
            var person = new Person { EmployeeNumber = $"E-{userName}", Name = userName, DepartmentId = departmentId, Status = PersonStatus.Active, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            var stored = await db.Set<Account>().SingleAsync(a => a.Id == account.Id, Cancel);
            stored.PersonId = person.Id;
            return await db.SaveChangesAsync(Cancel);
        });
        return await ReloadAsync(account.Id);
    }

    protected static async Task<long> FileAsync(HttpClient client, string title = "门诊打印机卡纸", string kind = "fault", object? extra = null)
    {
        var response = await PostAsync(client, "/api/v1/tickets", extra ?? new { kind, title, description = "二诊室打印机卡纸，无法打印处方", location = "门诊二楼 2 诊室" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    protected static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected static Task<JsonElement> GetTicketAsync(HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{id}", Cancel);

    /// <summary>Moves a ticket to resolved through the API as <paramref name="engineer"/>.</summary>
    protected static async Task ResolveAsync(HttpClient engineer, long id)
    {
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/start"));
        await OkAsync(PostAsync(engineer, $"/api/v1/tickets/{id}/resolve", new { cause = "hardware", rootCause = "搓纸轮磨损", resolution = "更换搓纸轮，打印测试页正常" }));
    }

    protected async Task RunJobAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == name);
        await job.RunAsync(scope.ServiceProvider, Cancel);
    }
}
