using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;

namespace Xinke.Modules.Organization.People;

/// <summary>
/// The organization module's public face for other modules: who a person is, which person an
/// account belongs to, who heads and liaises for a department. Read-only; changes go through the
/// organization's own services.
/// </summary>
public sealed class PeopleDirectory(XinkeDb db)
{
    public Task<PersonSummary?> FindAsync(long personId, CancellationToken cancellationToken) =>
        Summaries(db.Set<Person>().Where(p => p.Id == personId)).SingleOrDefaultAsync(cancellationToken);

    public Task<PersonSummary?> FindByAccountAsync(long accountId, CancellationToken cancellationToken) =>
        Summaries(db.Set<Person>().Where(p => db.Set<Account>().Any(a => a.Id == accountId && a.PersonId == p.Id))).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonSummary>> FindManyAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken) =>
        await Summaries(db.Set<Person>().Where(p => personIds.Contains(p.Id))).ToListAsync(cancellationToken);

    /// <summary>The people of a department (not those beneath it), leavers included only when asked.</summary>
    public async Task<IReadOnlyList<PersonSummary>> InDepartmentAsync(long departmentId, bool includeLeavers, CancellationToken cancellationToken) =>
        [.. (await Summaries(db.Set<Person>().Where(p => p.DepartmentId == departmentId && (includeLeavers || p.Status != PersonStatus.Left))).ToListAsync(cancellationToken))
            .OrderBy(p => p.EmployeeNumber, StringComparer.Ordinal)];

    /// <summary>People who have left and still have an account that is not disabled.</summary>
    public async Task<IReadOnlyList<PersonSummary>> LeaversWithLiveAccountsAsync(CancellationToken cancellationToken) =>
        await (from person in db.Set<Person>()
               join account in db.Set<Account>() on person.Id equals account.PersonId
               where person.Status == PersonStatus.Left && account.State != AccountState.Disabled
               select new PersonSummary(person.Id, person.EmployeeNumber, person.Name, person.DepartmentId, person.Title, person.Status, person.LeftOn, account.Id))
            .ToListAsync(cancellationToken);

    public async Task<DepartmentContactSummary> ContactsOfAsync(long departmentId, CancellationToken cancellationToken) =>
        await (from contacts in db.Set<DepartmentContacts>()
               where contacts.DepartmentId == departmentId
               select new DepartmentContactSummary(
                   contacts.DepartmentId,
                   contacts.HeadPersonId,
                   db.Set<Account>().Where(a => a.PersonId != null && a.PersonId == contacts.HeadPersonId).Select(a => (long?)a.Id).FirstOrDefault(),
                   contacts.LiaisonPersonId,
                   db.Set<Account>().Where(a => a.PersonId != null && a.PersonId == contacts.LiaisonPersonId).Select(a => (long?)a.Id).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new DepartmentContactSummary(departmentId, null, null, null, null);

    /// <summary>
    /// The summaries of <paramref name="people"/>: filter the people before projecting, since EF
    /// cannot translate a filter on the members of a record built by its constructor.
    /// </summary>
    private IQueryable<PersonSummary> Summaries(IQueryable<Person> people) =>
        from person in people
        join account in db.Set<Account>() on person.Id equals account.PersonId into accounts
        from account in accounts.DefaultIfEmpty()
        select new PersonSummary(person.Id, person.EmployeeNumber, person.Name, person.DepartmentId, person.Title, person.Status, person.LeftOn, account == null ? null : account.Id);
}
