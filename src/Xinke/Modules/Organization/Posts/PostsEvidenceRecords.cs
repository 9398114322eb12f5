using System.Runtime.CompilerServices;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Organization.Posts;

/// <summary>
/// ORG-04: the IT department's posts with their written responsibilities, and its staff with the
/// posts each held at the end of the period. These are the IT department's own records, not a
/// clinical department's: a department's pack does not carry them.
/// </summary>
public sealed class PostsEvidenceRecords(ItPosts posts, PeopleDirectory people, HospitalClock hospital) : IEvidenceRecordSource
{
    public IReadOnlyCollection<string> RequirementIds { get; } = [PostsEvidence.Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.DepartmentId is not null)
        {
            yield break;
        }

        yield return RecordSheets.Of(
            "evidencerecords.posts",
            ["evidencerecords.name", "evidencerecords.status", "evidencerecords.responsibilities", "evidencerecords.revised_at"],
            posts.Posts().OrderBy(p => p.Name).Select(p => new { p.Name, p.Status, p.Responsibilities, p.ResponsibilitiesRevisedAt }),
            p => new RecordRow(p.Name, p.Status.ToString(), p.Responsibilities, p.ResponsibilitiesRevisedAt));

        // The IT staff are a few dozen people: the post service answers them as a list.
        var asOf = hospital.LocalDate(query.AsOf);
        var staff = await posts.ItStaffAsync(asOf < query.To ? asOf : query.To, cancellationToken);
        var names = await people.NamesAsync(staff.Where(s => s.PersonId is not null).Select(s => s.PersonId!.Value), cancellationToken);
        yield return new RecordSheet(
            "evidencerecords.it_staff",
            ["evidencerecords.display_name", "evidencerecords.employee_number", "evidencerecords.posts_held"],
            staff.OrderBy(s => s.DisplayName, StringComparer.Ordinal).Select(s => new RecordRow(s.DisplayName, s.PersonId is { } person ? names.GetValueOrDefault(person)?.EmployeeNumber : null, string.Join("、", s.Posts))).ToAsyncEnumerable());
    }
}
