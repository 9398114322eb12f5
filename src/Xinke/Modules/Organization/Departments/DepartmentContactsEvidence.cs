using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;

namespace Xinke.Modules.Organization.Departments;

/// <summary>
/// ORG-03 by the share of departments (of kind department, within the asked department) whose named
/// liaison is still with the hospital. Contacts are judged as they stand now: the register keeps the
/// current naming, and the audit trail its history.
/// </summary>
public sealed class DepartmentContactsEvidence(XinkeDb db, DepartmentContactsService contacts, RequirementCatalogue catalogue) : IEvidenceProvider
{
    private static readonly EvidenceLink Departments = new("nav.departments", "/organization/departments");

    public IReadOnlyCollection<string> RequirementIds { get; } = [DepartmentContactsService.Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<long>? reach = null;
        if (query.DepartmentId is { } department)
        {
            reach = await db.Set<Department>().AsNoTracking().SelfAndBeneath(department).ToListAsync(cancellationToken);
        }

        var all = db.Set<Department>().AsNoTracking().Where(d => d.Kind == DepartmentKind.Department);
        var total = reach is null ? await all.CountAsync(cancellationToken) : await all.CountAsync(d => reach.Contains(d.Id), cancellationToken);
        var missing = (await contacts.WithoutLiaisonAsync(reach, cancellationToken)).Count;
        var status = EvidenceGrades.ByShare(catalogue, DepartmentContactsService.Requirement, total - missing, total);
        return new EvidenceAnswer(DepartmentContactsService.Requirement, status, new EvidenceReason("evidence.org03.liaisons", total - missing, total), [Departments]);
    }
}
