using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Departments;

/// <summary>ORG-03: the departments <see cref="DepartmentContactsEvidence"/> grades, with their named head and liaison as they stand.</summary>
public sealed class DepartmentContactsEvidenceRecords(XinkeDb db, PeopleDirectory people) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [DepartmentContactsService.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var departments = db.Set<Department>().AsNoTracking().Where(d => d.Kind == DepartmentKind.Department);
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            departments = departments.Where(d => inside.Contains(d.Id));
        }

        var names = people.Names();
        var contacts = db.Set<DepartmentContacts>();
        yield return RecordSheets.Of(
            "evidencerecords.department_contacts",
            ["evidencerecords.department", "evidencerecords.head", "evidencerecords.liaison"],
            departments.OrderBy(d => d.Path).Select(d => new
            {
                d.Name,
                Head = names.Where(p => contacts.Any(c => c.DepartmentId == d.Id && c.HeadPersonId == p.Id)).Select(p => p.Name).FirstOrDefault(),
                Liaison = names.Where(p => contacts.Any(c => c.DepartmentId == d.Id && c.LiaisonPersonId == p.Id)).Select(p => p.Name).FirstOrDefault(),
            }),
            d => new RecordRow(d.Name, d.Head, d.Liaison));
    }
}
