using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Requests;

/// <summary>
/// The device requests <see cref="AssetRequestEvidence"/> grades for EQ-02: those from which IT
/// handed out a device in the period, with who asked (named), when the first device went out and
/// when the approval closed approved, and whether that was before.
/// </summary>
public sealed class AssetRequestEvidenceRecords(XinkeDb db, PeopleDirectory people) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = ["EQ-02"];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var items = db.Set<AssetRequestItem>().AsNoTracking();
        var inPeriod = items.Where(i => i.FulfilledAt >= query.StartUtc && i.FulfilledAt < query.EndUtc && i.FulfilledAt <= query.AsOf);
        var requests = db.Set<AssetRequest>().AsNoTracking().Where(r => inPeriod.Any(i => i.RequestId == r.Id));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            requests = requests.Where(r => inside.Contains(r.DepartmentId));
        }

        var names = people.Names();
        yield return RecordSheets.Of(
            "evidencerecords.asset_requests",
            ["evidencerecords.code", "evidencerecords.department", "evidencerecords.person", "evidencerecords.employee_number", "evidencerecords.quantity", "evidencerecords.filed_at", "evidencerecords.approved_at", "evidencerecords.first_handed_out_at", "evidencerecords.compliant"],
            requests.OrderBy(r => r.Code).Select(r => new
            {
                r.Code,
                Department = db.Set<Department>().Where(d => d.Id == r.DepartmentId).Select(d => d.Name).FirstOrDefault(),
                Person = names.Where(p => p.Id == r.PersonId).Select(p => p.Name).FirstOrDefault(),
                PersonNumber = names.Where(p => p.Id == r.PersonId).Select(p => p.EmployeeNumber).FirstOrDefault(),
                r.Quantity,
                r.FiledAt,
                ApprovedAt = db.Set<ApprovalRequest>().Where(a => a.Id == r.ApprovalId && a.State == ApprovalState.Approved).Select(a => a.ClosedAt).FirstOrDefault(),
                FirstOut = items.Where(i => i.RequestId == r.Id).Min(i => i.FulfilledAt),
            }),
            r => new RecordRow(r.Code, r.Department, r.Person, r.PersonNumber, r.Quantity, r.FiledAt, r.ApprovedAt, r.FirstOut, r.ApprovedAt is { } approved && approved <= r.FirstOut));
    }
}
