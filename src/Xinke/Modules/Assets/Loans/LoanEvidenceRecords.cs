using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Loans;

/// <summary>
/// The loans <see cref="LoanEvidence"/> grades for EQ-03: those returned in the period and those
/// still out at its end, with their borrower (named), due time, return inspection and whether each
/// meets the rule.
/// </summary>
public sealed class LoanEvidenceRecords(XinkeDb db, PeopleDirectory people) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [LoanErrors.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var end = query.EndUtc < query.AsOf ? query.EndUtc : query.AsOf;
        var loans = db.Set<AssetLoan>().AsNoTracking()
            .Where(l => (l.ReturnedAt >= query.StartUtc && l.ReturnedAt <= end) || (l.LentAt <= end && (l.ReturnedAt == null || l.ReturnedAt > end)));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            loans = loans.Where(l => inside.Contains(l.DepartmentId));
        }

        var names = people.Names();
        yield return RecordSheets.Of(
            "evidencerecords.loans",
            ["evidencerecords.code", "evidencerecords.tag", "evidencerecords.department", "evidencerecords.person", "evidencerecords.employee_number", "evidencerecords.lent_at", "evidencerecords.due_at", "evidencerecords.returned_at", "evidencerecords.return_condition", "evidencerecords.compliant"],
            loans.OrderBy(l => l.LentAt).ThenBy(l => l.Id).Select(l => new
            {
                l.Code,
                Tag = db.Set<Asset>().Where(a => a.Id == l.AssetId).Select(a => a.Tag).FirstOrDefault(),
                Department = db.Set<Department>().Where(d => d.Id == l.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Borrower = names.Where(p => p.Id == l.BorrowerPersonId).Select(p => p.Name).FirstOrDefault(),
                BorrowerNumber = names.Where(p => p.Id == l.BorrowerPersonId).Select(p => p.EmployeeNumber).FirstOrDefault(),
                l.LentAt,
                l.DueAt,
                l.ReturnedAt,
                l.ReturnCondition,
                l.InspectedById,
            }),
            l => new RecordRow(
                l.Code, l.Tag, l.Department, l.Borrower, l.BorrowerNumber, l.LentAt, l.DueAt, l.ReturnedAt, l.ReturnCondition,
                l.ReturnedAt is { } returned && returned <= end ? l.InspectedById is not null && l.ReturnCondition is not null : l.DueAt >= end));
    }
}
