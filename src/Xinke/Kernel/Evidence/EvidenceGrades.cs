namespace Xinke.Kernel.Evidence;

/// <summary>Grading of a share of compliant records against a requirement's <c>met</c> and <c>partly</c> thresholds.</summary>
public static class EvidenceGrades
{
    public const string Met = "met";
    public const string Partly = "partly";

    /// <summary>
    /// <paramref name="compliant"/> of <paramref name="total"/> records comply. With nothing to
    /// judge the rule is not met: an empty register proves nothing.
    /// </summary>
    public static ComplianceStatus ByShare(RequirementCatalogue catalogue, string requirementId, int compliant, int total)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (total <= 0)
        {
            return ComplianceStatus.NotMet;
        }

        var share = (double)compliant / total;
        return share >= catalogue.Threshold(requirementId, Met) ? ComplianceStatus.Met
            : share >= catalogue.Threshold(requirementId, Partly) ? ComplianceStatus.PartlyMet
            : ComplianceStatus.NotMet;
    }
}
