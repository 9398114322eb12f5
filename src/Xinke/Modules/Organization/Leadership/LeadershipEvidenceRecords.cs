using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>
/// ORG-01: the published meetings of the period with their minutes' attachments, and the
/// decisions due in the period with the state of their follow-up action. The group's papers are
/// the hospital's, not a department's: a department's pack does not carry them.
/// </summary>
public sealed class LeadershipEvidenceRecords(LeadershipGroup group, XinkeDb db) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [LeadershipEvidence.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.DepartmentId is not null)
        {
            yield break;
        }

        var meetings = group.Meetings().Where(m => m.Status == MeetingStatus.Published && m.HeldOn >= query.From && m.HeldOn <= query.To);

        // Minutes are few: read once, so the meetings stream without a query per row.
        var minutes = (await db.Set<Attachment>().AsNoTracking()
                .Where(f => f.OwnerType == MeetingAttachments.OwnerType && f.VoidedAt == null && meetings.Any(m => m.Id == f.OwnerId))
                .Select(f => new { f.OwnerId, f.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.OwnerId, f => f.Id);
        yield return RecordSheets.Of(
            "evidencerecords.meetings",
            ["evidencerecords.code", "evidencerecords.held_on", "evidencerecords.attendees", "evidencerecords.published_at"],
            meetings.OrderBy(m => m.HeldOn).ThenBy(m => m.Id).Select(m => new { m.Id, m.Code, m.HeldOn, m.Attendees, m.PublishedAt }),
            m => new RecordRow([m.Code, m.HeldOn, m.Attendees, m.PublishedAt], [.. minutes[m.Id]]));
        yield return RecordSheets.Of(
            "evidencerecords.decisions",
            ["evidencerecords.code", "evidencerecords.text", "evidencerecords.owner", "evidencerecords.due_on", "evidencerecords.action", "evidencerecords.action_status"],
            group.Decisions().Where(d => d.DueDate >= query.From && d.DueDate <= query.To).OrderBy(d => d.DueDate).ThenBy(d => d.Id),
            d => new RecordRow(d.MeetingCode, d.Text, d.OwnerName, d.DueDate, d.ActionCode, d.ActionStatus?.ToString()));
    }
}
