using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Jobs;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Access;

/// <summary>
/// Base of the access tests: a hospital with cardiology and radiology, people in them, and helpers
/// that link accounts to people, name departments' heads and liaisons, and run the module's jobs.
/// </summary>
public abstract class AccessTest(DatabaseKind kind) : IdentityTest(kind)
{
    protected long Hospital { get; private set; }

    protected long Cardiology { get; private set; }

    protected long Radiology { get; private set; }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        (Hospital, Cardiology, Radiology) = await WithDbAsync(async db =>
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
            return (root.Id, a.Id, b.Id);
        });
    }

    /// <summary>A person of <paramref name="departmentId"/>, linked to <paramref name="account"/> when given.</summary>
    protected Task<long> PersonAsync(string employeeNumber, string name, long departmentId, Account? account = null, PersonStatus status = PersonStatus.Active) =>
        WithDbAsync(async db =>
        {
            var person = new Person { EmployeeNumber = employeeNumber, Name = name, DepartmentId = departmentId, Status = status, LeftOn = status == PersonStatus.Left ? new DateOnly(2026, 3, 1) : null, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            if (account is not null)
            {
                var stored = await db.Set<Account>().SingleAsync(a => a.Id == account.Id, Cancel);
                stored.PersonId = person.Id;
                await db.SaveChangesAsync(Cancel);
            }

            return person.Id;
        });

    protected Task ContactsAsync(long departmentId, long? headPersonId, long? liaisonPersonId) =>
        WithDbAsync(async db =>
        {
            db.Add(new DepartmentContacts { DepartmentId = departmentId, HeadPersonId = headPersonId, LiaisonPersonId = liaisonPersonId });
            return await db.SaveChangesAsync(Cancel);
        });

    protected async Task RunJobAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Name == name);
        await job.RunAsync(scope.ServiceProvider, Cancel);
    }

    protected Task<List<(string Role, long? DepartmentId)>> RolesOfAsync(long accountId) =>
        WithDbAsync(async db => (await db.Set<RoleAssignment>().AsNoTracking().Where(a => a.AccountId == accountId)
            .Select(a => new { a.Role!.Name, a.DepartmentId }).ToListAsync(Cancel)).Select(a => (a.Name, a.DepartmentId)).OrderBy(a => a.Name).ToList());

    protected static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected static async Task<JsonElement> GetJsonAsync(HttpClient client, string url) =>
        await client.GetFromJsonAsync<JsonElement>(url, Cancel);
}
