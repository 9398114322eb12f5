using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence;

namespace Xinke.Modules.Systems;

/// <summary>
/// SEC-01 from the register: every system in service at the judged instant whose level needs a
/// filing (level 2 up) is filed and its assessment is not overdue. Graded by share; the answer
/// links the register and each system that falls short.
/// </summary>
public sealed class SystemsEvidence(XinkeDb db, RequirementCatalogue catalogue, HospitalClock hospital, IOptions<SystemsOptions> options) : IEvidenceProvider
{
    public const string ReasonKey = "evidence.sec01.systems";
    private static readonly EvidenceLink Register = new("nav.systems", "/systems");

    public IReadOnlyCollection<string> RequirementIds { get; } = [SystemErrors.Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != SystemErrors.Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The register does not evidence this requirement.");
        }

        var asOf = query.AsOf;
        var day = hospital.LocalDate(asOf);
        var systems = db.Set<InformationSystem>().AsNoTracking()
            .Where(s => s.ProtectionLevel >= InformationSystem.FiledFromLevel && s.CreatedAt <= asOf)
            .Where(s => s.Status == SystemStatus.InService || (s.Status == SystemStatus.Retired && s.RetiredAt > asOf));
        if (query.DepartmentId is { } department)
        {
            var inside = db.Set<Department>().SelfAndBeneath(department);
            systems = systems.Where(s => inside.Contains(s.OwnerDepartmentId));
        }

        // Judged as they stood then: a system retired later was in service, an assessment made later does not count.
        var rows = await systems.Select(s => new { s.Id, s.Code, s.ProtectionLevel, s.FilingNumber, s.LastAssessedOn }).ToListAsync(cancellationToken);
        var shortOf = rows
            .Where(s => s.FilingNumber is null || InformationSystem.AssessmentLate(s.ProtectionLevel, s.LastAssessedOn > day ? null : s.LastAssessedOn, day, options.Value))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        var compliant = rows.Count - shortOf.Count;
        var status = EvidenceGrades.ByShare(catalogue, SystemErrors.Requirement, compliant, rows.Count);
        return new EvidenceAnswer(
            SystemErrors.Requirement,
            status,
            new EvidenceReason(ReasonKey, compliant, rows.Count),
            [Register, .. shortOf.Select(s => new EvidenceLink(s.Code, string.Create(CultureInfo.InvariantCulture, $"/systems/{s.Id}")))]);
    }
}
