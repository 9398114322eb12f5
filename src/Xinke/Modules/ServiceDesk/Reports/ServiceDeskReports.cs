using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Reports;

/// <summary>
/// The service desk's reports (OPS-07: are problems received and resolved promptly). Every figure
/// is counted by the database (GROUP BY, COUNT, AVG over indexed ranges of the ticket's creation
/// time), so the report holds for hundreds of thousands of tickets; only the median resolution
/// time reads the resolved tickets' two timestamps, per engineer, because a median is not portable SQL.
/// </summary>
public sealed class ServiceDeskReports(XinkeDb db, HospitalClock hospital, TimeProvider clock, InformationSystems systems)
{
    public const string ByMonth = "month";
    public const string ByWeek = "week";
    public const int MaxDays = 366;
    public const int TopCount = 10;
    public const string InvalidPeriod = "report.invalid_period";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<ServiceDeskReport>> BuildAsync(ReportQuery query, bool english, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var to = query.To ?? Today;
        var from = query.From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var by = query.By?.ToLowerInvariant() ?? ByMonth;
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return Error.Invalid(InvalidPeriod, "to", MaxDays);
        }

        if (by is not (ByMonth or ByWeek))
        {
            return Error.Invalid(InvalidPeriod, "by", MaxDays);
        }

        var start = hospital.StartOfDayUtc(from);
        var end = hospital.StartOfDayUtc(to.AddDays(1));
        var opened = db.Set<Ticket>().AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        return new ServiceDeskReport(
            from,
            to,
            by,
            await VolumeAsync(from, to, by, cancellationToken),
            await SlaAsync(opened, cancellationToken),
            await BacklogAsync(cancellationToken),
            await TopCategoriesAsync(opened, english, cancellationToken),
            await TopSystemsAsync(opened, cancellationToken),
            await EngineersAsync(opened, cancellationToken));
    }

    /// <summary>One grouped count per period: the periods are cut in the hospital's zone, each an indexed range of creation times.</summary>
    private async Task<IReadOnlyList<VolumeRow>> VolumeAsync(DateOnly from, DateOnly to, string by, CancellationToken cancellationToken)
    {
        var rows = new List<VolumeRow>();
        var period = by == ByWeek ? from.AddDays(-(((int)from.DayOfWeek + 6) % 7)) : new DateOnly(from.Year, from.Month, 1);
        while (period <= to)
        {
            var next = by == ByWeek ? period.AddDays(7) : period.AddMonths(1);
            var start = hospital.StartOfDayUtc(period < from ? from : period);
            var end = hospital.StartOfDayUtc(next > to ? to.AddDays(1) : next);
            var counts = await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.CreatedAt >= start && t.CreatedAt < end)
                .GroupBy(t => t.Kind)
                .Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            rows.AddRange(counts.OrderBy(c => c.Kind).Select(c => new VolumeRow(period, c.Kind, c.Count)));
            period = next;
        }

        return rows;
    }

    private static async Task<IReadOnlyList<SlaRow>> SlaAsync(IQueryable<Ticket> opened, CancellationToken cancellationToken)
    {
        var rows = await opened
            .GroupBy(t => t.Priority)
            .Select(g => new
            {
                Priority = g.Key,
                Tickets = g.Count(),
                Responded = g.Count(t => t.RespondedAt != null),
                ResponseMet = g.Count(t => t.RespondedAt != null && !t.ResponseBreached),
                Resolved = g.Count(t => t.ResolvedAt != null),
                ResolutionMet = g.Count(t => t.ResolvedAt != null && !t.ResolutionBreached),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Priority).Select(r => new SlaRow(r.Priority, r.Tickets, r.Responded, r.ResponseMet, r.Resolved, r.ResolutionMet))];
    }

    /// <summary>The open tickets now, by age, in one grouped query.</summary>
    private async Task<IReadOnlyList<BacklogBucket>> BacklogAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = now.AddDays(-1);
        var threeDays = now.AddDays(-3);
        var week = now.AddDays(-7);
        var month = now.AddDays(-30);
        var counts = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.CreatedAt >= day ? 0 : t.CreatedAt >= threeDays ? 1 : t.CreatedAt >= week ? 2 : t.CreatedAt >= month ? 3 : 4)
            .Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        string[] names = ["lt1d", "1to3d", "3to7d", "7to30d", "gt30d"];
        return [.. names.Select((name, i) => new BacklogBucket(name, counts.SingleOrDefault(c => c.Bucket == i)?.Count ?? 0))];
    }

    private async Task<IReadOnlyList<TopRow>> TopCategoriesAsync(IQueryable<Ticket> opened, bool english, CancellationToken cancellationToken)
    {
        var top = await opened.Where(t => t.CategoryId != null)
            .GroupBy(t => t.CategoryId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id)
            .Take(TopCount)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.Id).ToList();
        var names = await db.Set<TicketCategory>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => english ? c.NameEn : c.NameZh, cancellationToken);
        return [.. top.Select(t => new TopRow(t.Id, names.GetValueOrDefault(t.Id!.Value), t.Count))];
    }

    private async Task<IReadOnlyList<TopRow>> TopSystemsAsync(IQueryable<Ticket> opened, CancellationToken cancellationToken)
    {
        var top = await opened.Where(t => t.SystemId != null)
            .GroupBy(t => t.SystemId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id)
            .Take(TopCount)
            .ToListAsync(cancellationToken);
        var names = (await systems.FindManyAsync([.. top.Select(t => t.Id!.Value)], cancellationToken)).ToDictionary(s => s.Id, s => $"{s.Code} {s.Name}");
        return [.. top.Select(t => new TopRow(t.Id, names.GetValueOrDefault(t.Id!.Value), t.Count))];
    }

    private async Task<IReadOnlyList<EngineerRow>> EngineersAsync(IQueryable<Ticket> opened, CancellationToken cancellationToken)
    {
        var assigned = opened.Where(t => t.AssigneeAccountId != null);
        var rows = await assigned
            .GroupBy(t => t.AssigneeAccountId!.Value)
            .Select(g => new
            {
                AccountId = g.Key,
                Handled = g.Count(),
                Resolved = g.Count(t => t.ResolvedAt != null),
                MeanRating = g.Average(t => (double?)t.Rating),
            })
            .ToListAsync(cancellationToken);
        var durations = await assigned.Where(t => t.ResolvedAt != null)
            .Select(t => new { AccountId = t.AssigneeAccountId!.Value, t.CreatedAt, ResolvedAt = t.ResolvedAt!.Value })
            .ToListAsync(cancellationToken);
        var medians = durations.GroupBy(d => d.AccountId).ToDictionary(g => g.Key, g => Median([.. g.Select(d => (d.ResolvedAt - d.CreatedAt).TotalHours)]));
        var ids = rows.Select(r => r.AccountId).ToList();
        var names = await db.Set<Account>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        return [.. rows.OrderByDescending(r => r.Handled).ThenBy(r => r.AccountId).Select(r => new EngineerRow(
            r.AccountId,
            names.GetValueOrDefault(r.AccountId),
            r.Handled,
            r.Resolved,
            medians.TryGetValue(r.AccountId, out var median) ? Math.Round(median, 1) : null,
            r.MeanRating is { } rating ? Math.Round(rating, 2) : null))];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The report as flat lines, for the xlsx or csv export.</summary>
    public static IEnumerable<ReportLine> Lines(ServiceDeskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var v in report.Volume)
        {
            yield return new ReportLine("volume", v.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Kind.ToString(), v.Count);
        }

        foreach (var s in report.Sla)
        {
            yield return new ReportLine("sla.response_met_percent", s.Priority.ToString(), null, s.ResponseMetPercent);
            yield return new ReportLine("sla.resolution_met_percent", s.Priority.ToString(), null, s.ResolutionMetPercent);
        }

        foreach (var b in report.Backlog)
        {
            yield return new ReportLine("backlog", b.Bucket, null, b.Count);
        }

        foreach (var c in report.TopCategories)
        {
            yield return new ReportLine("top.categories", c.Name ?? c.Id?.ToString(CultureInfo.InvariantCulture) ?? "—", null, c.Count);
        }

        foreach (var s in report.TopSystems)
        {
            yield return new ReportLine("top.systems", s.Name ?? s.Id?.ToString(CultureInfo.InvariantCulture) ?? "—", null, s.Count);
        }

        foreach (var e in report.Engineers)
        {
            var name = e.Name ?? e.AccountId.ToString(CultureInfo.InvariantCulture);
            yield return new ReportLine("engineer.handled", name, null, e.Handled);
            yield return new ReportLine("engineer.resolved", name, null, e.Resolved);
            yield return new ReportLine("engineer.median_resolution_hours", name, null, e.MedianResolutionHours);
            yield return new ReportLine("engineer.mean_rating", name, null, e.MeanRating);
        }
    }
}
