using System.Runtime.CompilerServices;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>A record source of the tests: one record of ROOM-01 (a rule no module evidences yet) that references a stored attachment, so packs carry one.</summary>
public sealed class AttachedRecords(long attachmentId) : IEvidenceRecordSource
{
    public const string Requirement = "ROOM-01";

    public IReadOnlyCollection<string> RequirementIds { get; } = [Requirement];

    public async IAsyncEnumerable<RecordSheet> SheetsAsync(string requirementId, EvidenceQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return new RecordSheet("evidencerecords.training_sessions", ["evidencerecords.code", "evidencerecords.title"], Rows());
    }

    private async IAsyncEnumerable<RecordRow> Rows()
    {
        await Task.CompletedTask;
        yield return new RecordRow(["T-1", "<script>alert(1)</script>"], [attachmentId]);
    }
}
