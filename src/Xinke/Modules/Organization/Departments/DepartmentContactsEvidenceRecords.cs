using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Modules.Organization.Departments;

/// <summary>ORG-03: the departments <see cref="DepartmentContactsEvidence"/> grades, with their named head and liaison (person numbers) as they stand.</summary>
public sealed class DepartmentContactsEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
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

        yield return RecordSheets.Of(
            "evidencerecords.department_contacts",
            ["evidencerecords.department", "evidencerecords.head", "evidencerecords.liaison"],
            departments.OrderBy(d => d.Path).Select(d => new
            {
                d.Name,
                Contacts = db.Set<DepartmentContacts>().Where(c => c.DepartmentId == d.Id).Select(c => new { c.HeadPersonId, c.LiaisonPersonId }).FirstOrDefault(),
            }),
            d => new RecordRow(d.Name, d.Contacts?.HeadPersonId, d.Contacts?.LiaisonPersonId));
    }
}
