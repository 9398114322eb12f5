namespace Xinke.Modules.Assets.Scrapping;

/// <summary>What a technician's appraisal advises: only <see cref="Scrap"/> opens the way to a scrapping (EQ-06).</summary>
public enum AppraisalRecommendation
{
    Scrap,
    Repair,
    Keep,
}
