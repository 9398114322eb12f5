using Microsoft.EntityFrameworkCore;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;

namespace Xinke.Modules.Organization.Posts;

/// <summary>
/// ORG-04: the share of the IT staff holding a post at the end of the period (graded by the
/// catalogue's thresholds), provided the department has posts and each active one has written
/// responsibilities; a post without them caps the answer at partly met.
/// </summary>
public sealed class PostsEvidence(ItPosts posts, RequirementCatalogue catalogue, HospitalClock hospital) : IEvidenceProvider
{
    public const string Requirement = PostErrors.Requirement;
    private static readonly EvidenceLink Page = new("nav.posts", "/organization/posts");

    public IReadOnlyCollection<string> RequirementIds { get; } = [Requirement];

    public async Task<EvidenceAnswer> EvaluateAsync(string requirementId, EvidenceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (requirementId != Requirement)
        {
            throw new ArgumentOutOfRangeException(nameof(requirementId), requirementId, "Posts do not evidence this requirement.");
        }

        var asOf = hospital.LocalDate(query.AsOf);
        var day = asOf < query.To ? asOf : query.To;
        var staff = await posts.ItStaffAsync(day, cancellationToken);
        var holding = staff.Count(s => s.Posts.Count > 0);
        var active = await posts.Posts().Where(p => p.Status == PostStatus.Active).Select(p => p.Responsibilities).ToListAsync(cancellationToken);
        var unwritten = active.Count(string.IsNullOrWhiteSpace);

        var status = active.Count == 0 ? ComplianceStatus.NotMet : EvidenceGrades.ByShare(catalogue, Requirement, holding, staff.Count);
        if (unwritten > 0 && status == ComplianceStatus.Met)
        {
            status = ComplianceStatus.PartlyMet;
        }

        return new EvidenceAnswer(Requirement, status, new EvidenceReason("evidence.org04.posts", holding, staff.Count, active.Count - unwritten, active.Count), [Page]);
    }
}
