using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Improvements;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// ORG-01: a group with a leader in office, meetings held at the declared frequency (half-yearly)
/// in the period, and decisions followed to completion. The answer is the weaker of two shares
/// (meetings held of those due; decisions due in the period whose action is verified), graded
/// against the catalogue's thresholds; without a leader or without any meeting it is not met.
/// </summary>
public sealed class LeadershipEvidence(LeadershipGroup group, RequirementCatalogue catalogue, HospitalClock hospital) : IEvidenceProvider
{
    public const string Requirement = LeadershipErrors.Requirement;
    private const double DaysPerMeeting = 182.5;
    private static readonly EvidenceLink Page = new("nav.leadership", "/organization/leadership");
    private static readonly EvidenceLink Overdue = new("leadershippage.overdue_decisions", "/organization/leadership?overdue=true");

    public IReadOnlyCollection<string> RequirementIds { get; } = [Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "The leadership group does not evidence this requirement.");
        }

        var asOf = hospital.LocalDate(query.AsOf);
        var day = asOf < query.To ? asOf : query.To;
        var leaders = await group.Members().CountAsync(m => m.Position == GroupPosition.Leader && m.From <= day && (m.Until == null || m.Until >= day), cancellationToken);
        var held = await group.Meetings().CountAsync(m => m.Status == MeetingStatus.Published && m.HeldOn >= query.From && m.HeldOn <= query.To, cancellationToken);
        var expected = Math.Max(1, (int)Math.Round((query.To.DayNumber - query.From.DayNumber + 1) / DaysPerMeeting, MidpointRounding.AwayFromZero));
        var due = group.Decisions().Where(d => d.DueDate >= query.From && d.DueDate < day && d.ActionStatus != ImprovementStatus.Cancelled);
        var dueCount = await due.CountAsync(cancellationToken);
        var followed = await due.CountAsync(d => d.ActionStatus == ImprovementStatus.Verified, cancellationToken);

        var status = leaders == 0 || held == 0 ? ComplianceStatus.NotMet : Grade(Math.Min(Math.Min(1.0, (double)held / expected), dueCount == 0 ? 1.0 : (double)followed / dueCount));
        var reason = new EvidenceReason("evidence.org01.group", leaders, held, expected, followed, dueCount);
        return new EvidenceAnswer(Requirement, status, reason, dueCount > followed ? [Page, Overdue] : [Page]);
    }

    private ComplianceStatus Grade(double share) =>
        share >= catalogue.Threshold(Requirement, EvidenceGrades.Met) ? ComplianceStatus.Met
        : share >= catalogue.Threshold(Requirement, EvidenceGrades.Partly) ? ComplianceStatus.PartlyMet
        : ComplianceStatus.NotMet;
}
