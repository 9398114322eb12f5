using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Modules.Systems;

/// <summary>SEC-01: the systems <see cref="SystemsEvidence"/> grades (level 2 up, in service at the judged instant), with their filing and last assessment.</summary>
public sealed class SystemsEvidenceRecords(XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [SystemErrors.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.CompletedTask;
        var asOf = query.AsOf;
        var systems = db.Set<InformationSystem>().AsNoTracking()
            .Where(s => s.ProtectionLevel >= InformationSystem.FiledFromLevel && s.CreatedAt <= asOf)
            .Where(s => s.Status == SystemStatus.InService || (s.Status == SystemStatus.Retired && s.RetiredAt > asOf));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            systems = systems.Where(s => inside.Contains(s.OwnerDepartmentId));
        }

        yield return RecordSheets.Of(
            "evidencerecords.systems",
            ["evidencerecords.code", "evidencerecords.name", "evidencerecords.department", "evidencerecords.protection_level", "evidencerecords.filing_number", "evidencerecords.last_assessed_on"],
            systems.OrderBy(s => s.Code).Select(s => new
            {
                s.Code,
                s.Name,
                Department = db.Set<Department>().Where(d => d.Id == s.OwnerDepartmentId).Select(d => d.Name).FirstOrDefault(),
                s.ProtectionLevel,
                s.FilingNumber,
                s.LastAssessedOn,
            }),
            s => new RecordRow(s.Code, s.Name, s.Department, s.ProtectionLevel, s.FilingNumber, s.LastAssessedOn));
    }
}
