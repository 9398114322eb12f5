using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;

namespace Xinke.Tests.Modules.Organization;

/// <summary>The organization's public face for other modules answers every question it offers, on both databases.</summary>
public abstract class PeopleDirectoryTests(DatabaseKind kind) : OrganizationTest(kind)
{
    public sealed class OnSqlite() : PeopleDirectoryTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : PeopleDirectoryTests(DatabaseKind.Postgres);

    [Fact]
    public async Task The_directory_finds_people_by_id_account_department_and_names_a_departments_contacts()
    {
        var head = await PersonAsync("N1", "王主任", CardiologyId);
        var liaison = await PersonAsync("N2", "赵联络", CardiologyId);
        var gone = await PersonAsync("N3", "已离职", CardiologyId, PersonStatus.Left);
        var account = await CreateUserAsync("zhao.lianluo", $"{BuiltInRoles.DeptLiaison}@{CardiologyId}");
        var leaverAccount = await CreateUserAsync("yi.lizhi", BuiltInRoles.Staff);
        await WithDbAsync(async db =>
        {
            (await db.FindAsync<Account>(account.Id, Cancel))!.PersonId = liaison.Id;
            (await db.FindAsync<Account>(leaverAccount.Id, Cancel))!.PersonId = gone.Id;
            db.Add(new DepartmentContacts { DepartmentId = CardiologyId, HeadPersonId = head.Id, LiaisonPersonId = liaison.Id });
            return await db.SaveChangesAsync(Cancel);
        });
        await using var scope = App.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();

        Assert.Equal("王主任", (await directory.FindAsync(head.Id, Cancel))!.Name);
        Assert.Equal(liaison.Id, (await directory.FindByAccountAsync(account.Id, Cancel))!.Id);
        Assert.Equal(account.Id, (await directory.FindAsync(liaison.Id, Cancel))!.AccountId);
        Assert.Equal(["N1", "N2"], (await directory.FindManyAsync([head.Id, liaison.Id], Cancel)).Select(p => p.EmployeeNumber).Order(StringComparer.Ordinal));
        Assert.Equal(["N1", "N2"], (await directory.InDepartmentAsync(CardiologyId, includeLeavers: false, Cancel)).Select(p => p.EmployeeNumber));
        Assert.Equal(3, (await directory.InDepartmentAsync(CardiologyId, includeLeavers: true, Cancel)).Count);
        Assert.Equal(gone.Id, Assert.Single(await directory.LeaversWithLiveAccountsAsync(Cancel)).Id);
        var contacts = await directory.ContactsOfAsync(CardiologyId, Cancel);
        Assert.Equal((head.Id, liaison.Id, account.Id), (contacts.HeadPersonId!.Value, contacts.LiaisonPersonId!.Value, contacts.LiaisonAccountId!.Value));
        Assert.Null((await directory.ContactsOfAsync(RespiratoryId, Cancel)).LiaisonPersonId);
        Assert.True(await directory.ExistsAsync(head.Id, Cancel));
    }
}
