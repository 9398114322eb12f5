using Xinke.Modules.ServiceDesk.Tickets;

namespace Xinke.Modules.ServiceDesk.Reports;

/// <summary>Tickets opened in one week or month (hospital time), by kind.</summary>
public sealed record VolumeRow(DateOnly PeriodStart, TicketKind Kind, int Count);

/// <summary>
/// SLA attainment of the tickets opened in the period, by priority, from the due and breach
/// columns the tickets keep (not recomputed here). Percentages are null when nothing was measured.
/// </summary>
public sealed record SlaRow(TicketPriority Priority, int Tickets, int Responded, int ResponseMet, int Resolved, int ResolutionMet)
{
    public double? ResponseMetPercent => Responded == 0 ? null : Math.Round(100.0 * ResponseMet / Responded, 1);

    public double? ResolutionMetPercent => Resolved == 0 ? null : Math.Round(100.0 * ResolutionMet / Resolved, 1);
}

/// <summary>Open tickets by age: under a day, 1–3 days, 3–7 days, 7–30 days, over 30 days.</summary>
public sealed record BacklogBucket(string Bucket, int Count);

/// <summary>A category or system and the tickets opened for it in the period.</summary>
public sealed record TopRow(long? Id, string? Name, int Count);

/// <summary>What one engineer handled in the period: tickets assigned, resolved, the median hours to resolve and the mean rating.</summary>
public sealed record EngineerRow(long AccountId, string? Name, int Handled, int Resolved, double? MedianResolutionHours, double? MeanRating);

/// <summary>The whole report of a period, as the page draws it and the export lists it.</summary>
public sealed record ServiceDeskReport(
    DateOnly From,
    DateOnly To,
    string By,
    IReadOnlyList<VolumeRow> Volume,
    IReadOnlyList<SlaRow> Sla,
    IReadOnlyList<BacklogBucket> Backlog,
    IReadOnlyList<TopRow> TopCategories,
    IReadOnlyList<TopRow> TopSystems,
    IReadOnlyList<EngineerRow> Engineers);

/// <summary>One line of the report's export: the section, what is counted, and its figure.</summary>
public sealed record ReportLine(string Section, string Label, string? Detail, double? Value);

/// <summary>The report's period: <c>?from=&amp;to=&amp;by=week|month</c>; by default the last twelve months by month.</summary>
public sealed record ReportQuery(DateOnly? From = null, DateOnly? To = null, string? By = null);
