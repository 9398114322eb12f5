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
public sealed class PeopleDirectory(XinkeDb db) : IPersonLookup
{
    public Task<bool> ExistsAsync(long personId, CancellationToken cancellationToken) =>
        db.Set<Person>().AnyAsync(p => p.Id == personId, cancellationToken);

    public Task<PersonSummary?> FindAsync(long personId, CancellationToken cancellationToken) =>
        Summaries(p => p.Id == personId).SingleOrDefaultAsync(cancellationToken);

    public Task<PersonSummary?> FindByAccountAsync(long accountId, CancellationToken cancellationToken) =>
        Summaries(p => db.Set<Account>().Any(a => a.Id == accountId && a.PersonId == p.Id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonSummary>> FindManyAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken) =>
        await Summaries(p => personIds.Contains(p.Id)).ToListAsync(cancellationToken);

    /// <summary>
    /// Every person's name and number, for a query that streams records to name their people in
    /// the same SQL statement: no query per row, and no second query while the first still reads
    /// (which PostgreSQL refuses on one connection).
    /// </summary>
    public IQueryable<PersonName> Names() =>
        db.Set<Person>().AsNoTracking().Select(p => new PersonName { Id = p.Id, EmployeeNumber = p.EmployeeNumber, Name = p.Name });

    /// <summary>The names and numbers of these people, by id (unknown ids are absent), asked in batches so any number of ids costs a few queries.</summary>
    public async Task<IReadOnlyDictionary<long, PersonName>> NamesAsync(IEnumerable<long> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var found = new Dictionary<long, PersonName>();
        foreach (var chunk in personIds.Distinct().Chunk(1_000))
        {
            foreach (var person in await Names().Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                found[person.Id] = person;
            }
        }

        return found;
    }

    /// <summary>The ids of the people with these employee numbers, by number (a batch lookup for imports; unknown numbers are absent).</summary>
    public async Task<IReadOnlyDictionary<string, long>> IdsByEmployeeNumberAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(1_000))
        {
            foreach (var person in await db.Set<Person>().AsNoTracking().Where(p => chunk.Contains(p.EmployeeNumber)).Select(p => new { p.EmployeeNumber, p.Id }).ToListAsync(cancellationToken))
            {
                found[person.EmployeeNumber] = person.Id;
            }
        }

        return found;
    }

    /// <summary>People whose employee number is <paramref name="term"/> or whose name contains it (forms that pick a person).</summary>
    public async Task<IReadOnlyList<PersonSummary>> SearchAsync(string term, int limit, CancellationToken cancellationToken) =>
        await Summaries(p => p.EmployeeNumber == term || p.Name.Contains(term)).Take(limit).ToListAsync(cancellationToken);

    /// <summary>The people of a department (not those beneath it), leavers included only when asked.</summary>
    public async Task<IReadOnlyList<PersonSummary>> InDepartmentAsync(long departmentId, bool includeLeavers, CancellationToken cancellationToken) =>
        await Summaries(p => p.DepartmentId == departmentId && (includeLeavers || p.Status != PersonStatus.Left)).ToListAsync(cancellationToken);

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
    /// People as summaries, filtered on the entity before the projection (a filter on the projected
    /// record cannot be translated to SQL), in employee-number order.
    /// </summary>
    private IQueryable<PersonSummary> Summaries(System.Linq.Expressions.Expression<Func<Person, bool>> filter) =>
        from person in db.Set<Person>().Where(filter).OrderBy(p => p.EmployeeNumber)
        join account in db.Set<Account>() on person.Id equals account.PersonId into accounts
        from account in accounts.DefaultIfEmpty()
        select new PersonSummary(person.Id, person.EmployeeNumber, person.Name, person.DepartmentId, person.Title, person.Status, person.LeftOn, account == null ? null : account.Id);
}
