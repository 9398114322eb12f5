using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Organization;

/// <summary>A hospital with two clinical departments (心血管内科 with a ward beneath it, 呼吸内科) and the IT department (信息科).</summary>
public abstract class OrganizationTest(DatabaseKind kind) : IdentityTest(kind)
{
    protected long HospitalId { get; private set; }

    protected long CardiologyId { get; private set; }

    protected long CardiologyWardId { get; private set; }

    protected long RespiratoryId { get; private set; }

    protected long ItId { get; private set; }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        HospitalId = await DepartmentAsync("信科市第一人民医院", null, DepartmentKind.Hospital);
        CardiologyId = await DepartmentAsync("心血管内科", HospitalId, DepartmentKind.Department);
        CardiologyWardId = await DepartmentAsync("心内一病区", CardiologyId, DepartmentKind.Ward);
        RespiratoryId = await DepartmentAsync("呼吸内科", HospitalId, DepartmentKind.Department);
        ItId = await DepartmentAsync("信息科", HospitalId, DepartmentKind.Department);
    }

    protected async Task<long> DepartmentAsync(string name, long? parentId, DepartmentKind kind)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DepartmentService>().CreateAsync(name, parentId, kind, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }

    protected Task<Person> PersonAsync(string employeeNumber, string name, long departmentId, PersonStatus status = PersonStatus.Active, string? phone = null) =>
        WithDbAsync(async db =>
        {
            var person = new Person { EmployeeNumber = employeeNumber, Name = name, DepartmentId = departmentId, Status = status, Phone = phone, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            return person;
        });
}
