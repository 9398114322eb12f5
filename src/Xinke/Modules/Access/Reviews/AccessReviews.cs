using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;
using Xinke.Modules.Access.Requests;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Reviews;

/// <summary>
/// Access review campaigns (ACC-04): every account's roles listed per department, confirmed or
/// revoked by the department's liaison (then its head, then the IT director when unanswered),
/// revocations applied at once through <see cref="RoleService"/>, and a report at the close that
/// is the obligation's evidence.
/// </summary>
public sealed partial class AccessReviews(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    HospitalClock hospital,
    BusinessCalendars calendars,
    CurrentCaller current,
    PeopleDirectory people,
    RoleService roles,
    AuditLog audit,
    Notifier notifier,
    ObligationRecords obligations,
    IOptions<AccessOptions> options)
{
    public const string EvidenceKind = "access.review";
    public const string OpenedKind = "access.review_opened";
    public const string EscalatedKind = "access.review_escalated";
    public const string RevokedAction = "access.review_revoked";

    public static readonly string[] Reviewers = [BuiltInRoles.DeptLiaison, BuiltInRoles.DeptHead];

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>Opens the campaign of <paramref name="period"/> (the current quarter when null): one line per account and role held.</summary>
    public async Task<Result<AccessReviewCampaign>> OpenAsync(string? period, long? openedById, CancellationToken cancellationToken)
    {
        period ??= AccessReviewCampaign.QuarterOf(Today);
        if (!PeriodPattern().IsMatch(period))
        {
            return Error.Invalid(AccessErrors.InvalidPeriod, "period");
        }

        if (await db.Set<AccessReviewCampaign>().AnyAsync(c => c.Period == period, cancellationToken))
        {
            return Error.Conflict(AccessErrors.CampaignOpen, AccessErrors.Reviewing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var campaign = new AccessReviewCampaign
        {
            Code = await codes.NextAsync(AccessReviewCampaign.CodeKind, cancellationToken),
            Period = period,
            OpenedAt = now,
            OpenedById = openedById,
            DueOn = AddWorkingDays(Today, options.Value.ReviewDueWorkingDays),
        };
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        var lines = await LinesAsync(campaign.Id, now, cancellationToken);
        db.AddRange(lines);
        await db.SaveChangesAsync(cancellationToken);
        var departments = lines.Where(l => l.DepartmentId is not null).Select(l => l.DepartmentId!.Value).Distinct().ToList();
        var liaisons = new List<long>();
        foreach (var department in departments)
        {
            if ((await people.ContactsOfAsync(department, cancellationToken)).LiaisonAccountId is { } liaison)
            {
                liaisons.Add(liaison);
            }
        }

        var message = new NotificationMessage(OpenedKind, notifier.Text("notice.access.review_opened", campaign.Code, campaign.Period), campaign.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Link(campaign));
        await notifier.NotifyAsync(message, [.. liaisons.Distinct()], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign;
    }

    /// <summary>The lines the caller sees: all for the IT director and the managers; a liaison's departments; a head's once escalated.</summary>
    public async Task<IQueryable<AccessReviewLine>> VisibleLinesAsync(CancellationToken cancellationToken)
    {
        var all = db.Set<AccessReviewLine>().AsQueryable();
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return all.Where(_ => false);
        }

        if (caller.Has(AccessPermissions.ReviewsManage) || (caller.Has(AccessPermissions.ReviewsAnswer) && caller.ScopeRootsOf(AccessPermissions.ReviewsAnswer) is null))
        {
            return all;
        }

        var liaisonOf = await BeneathAsync(caller.Roles.Where(r => r.Role == BuiltInRoles.DeptLiaison), cancellationToken);
        var headOf = await BeneathAsync(caller.Roles.Where(r => r.Role == BuiltInRoles.DeptHead), cancellationToken);
        return all.Where(l => l.DepartmentId != null
            && (liaisonOf.Contains(l.DepartmentId.Value) || (headOf.Contains(l.DepartmentId.Value) && l.Escalation != EscalationLevel.Liaison)));
    }

    public Task<AccessReviewCampaign?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<AccessReviewCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Confirms or revokes one line; a revocation takes the role away at once and is audited.</summary>
    public async Task<Result<AccessReviewLine>> AnswerAsync(long campaignId, long lineId, ReviewAnswer answer, string? reason, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var line = await (await VisibleLinesAsync(cancellationToken)).SingleOrDefaultAsync(l => l.Id == lineId && l.CampaignId == campaignId, cancellationToken);
        var campaign = await db.Set<AccessReviewCampaign>().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (caller is null || line is null || campaign is null)
        {
            return Error.NotFound(AccessErrors.LineNotFound);
        }

        if (!campaign.IsOpen)
        {
            return Error.Conflict(AccessErrors.CampaignClosed, AccessErrors.Reviewing);
        }

        if (line.AccountId == caller.Id)
        {
            return Error.Conflict(AccessErrors.SelfReview, AccessErrors.Reviewing);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (line.Decide(answer, reason, caller.Id, now) is { } refused)
        {
            return refused;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (answer == ReviewAnswer.Revoked)
        {
            await roles.RevokeAsync(line.AccountId, line.RoleId, line.ScopeDepartmentId, cancellationToken);
            var grants = await db.Set<PermissionRequest>()
                .Where(r => r.AccountId == line.AccountId && r.RoleId == line.RoleId && r.DepartmentId == line.ScopeDepartmentId && r.Status == PermissionRequestStatus.Granted)
                .ToListAsync(cancellationToken);
            foreach (var grant in grants)
            {
                grant.EndGrant($"{campaign.Code}: {line.Reason}", now);
            }

            await audit.RecordAsync(RevokedAction, AuditOutcome.Success, cancellationToken, nameof(AccessReviewLine), line.Id.ToString(CultureInfo.InvariantCulture), $"{campaign.Code}: {line.AccountName} {line.RoleName} ({line.Reason})", AccessErrors.Reviewing);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return line;
    }

    /// <summary>
    /// Sends lines still unanswered after the configured working days to the department head, then
    /// to the IT director, notifying them; returns how many lines moved. Meant for the hourly job.
    /// </summary>
    public async Task<int> EscalateAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var rules = options.Value;
        var open = await db.Set<AccessReviewCampaign>().Where(c => c.ClosedAt == null).ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var campaign in open)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var pending = await db.Set<AccessReviewLine>()
                .Where(l => l.CampaignId == campaign.Id && l.Answer == ReviewAnswer.Pending && l.Escalation != EscalationLevel.Director && l.DepartmentId != null)
                .ToListAsync(cancellationToken);
            var toHead = today >= AddWorkingDays(hospital.LocalDate(campaign.OpenedAt), rules.EscalateToHeadAfterWorkingDays)
                ? pending.Where(l => l.Escalation == EscalationLevel.Liaison).ToList()
                : [];
            var toDirector = pending.Where(l => l.Escalation == EscalationLevel.Head
                && today >= AddWorkingDays(hospital.LocalDate(l.EscalatedAt!.Value), rules.EscalateToDirectorAfterWorkingDays)).ToList();
            var heads = new List<long>();
            foreach (var department in toHead.Select(l => l.DepartmentId!.Value).Distinct())
            {
                if ((await people.ContactsOfAsync(department, cancellationToken)).HeadAccountId is { } head)
                {
                    heads.Add(head);
                }
            }

            foreach (var line in toHead)
            {
                line.Escalation = EscalationLevel.Head;
                line.EscalatedAt = now;
            }

            foreach (var line in toDirector)
            {
                line.Escalation = EscalationLevel.Director;
                line.EscalatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await NotifyEscalationAsync(campaign, heads, toHead.Count, cancellationToken);
            await NotifyEscalationAsync(campaign, toDirector.Count == 0 ? [] : await DirectorsAsync(cancellationToken), toDirector.Count, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            moved += toHead.Count + toDirector.Count;
        }

        return moved;
    }

    /// <summary>Closes a campaign: unanswered lines stay recorded as unanswered, and the close is the obligation's evidence.</summary>
    public async Task<Result<AccessReviewCampaign>> CloseAsync(long id, long? closedById, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var campaign = await db.Set<AccessReviewCampaign>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Error.NotFound(AccessErrors.CampaignNotFound);
        }

        var now = clock.GetUtcNow();
        if (campaign.Close(closedById, now.UtcDateTime) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        await obligations.ReportAsync(new ObligationEvidence(EvidenceKind, null, null, now, closedById, campaign.Code), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return campaign;
    }

    /// <summary>The quarterly job's work: open this quarter's campaign when there is none, escalate, and close campaigns past due and grace.</summary>
    public async Task RunScheduleAsync(CancellationToken cancellationToken)
    {
        var period = AccessReviewCampaign.QuarterOf(Today);
        if (!await db.Set<AccessReviewCampaign>().AnyAsync(c => c.Period == period, cancellationToken))
        {
            await OpenAsync(period, null, cancellationToken);
        }

        await EscalateAsync(cancellationToken);
        var closeBefore = Today.AddDays(-options.Value.CloseGraceDays);
        var overdue = await db.Set<AccessReviewCampaign>().Where(c => c.ClosedAt == null && c.DueOn < closeBefore).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in overdue)
        {
            await CloseAsync(id, null, cancellationToken);
        }
    }

    /// <summary>The report: per department, lines, confirmed, revoked, unanswered and flagged.</summary>
    public async Task<IReadOnlyList<AccessReviewReportRow>> ReportAsync(long campaignId, CancellationToken cancellationToken)
    {
        var lines = await (await VisibleLinesAsync(cancellationToken)).AsNoTracking().Where(l => l.CampaignId == campaignId)
            .Select(l => new { l.DepartmentId, l.Answer, l.Inactive, l.Left, l.ExpiredGrant })
            .ToListAsync(cancellationToken);
        var ids = lines.Where(l => l.DepartmentId is not null).Select(l => l.DepartmentId!.Value).Distinct().ToList();
        var names = await db.Set<Department>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        return [.. lines.GroupBy(l => l.DepartmentId)
            .Select(g => new AccessReviewReportRow(
                g.Key,
                g.Key is { } d && names.TryGetValue(d, out var name) ? name : "—",
                g.Count(),
                g.Count(l => l.Answer == ReviewAnswer.Confirmed),
                g.Count(l => l.Answer == ReviewAnswer.Revoked),
                g.Count(l => l.Answer == ReviewAnswer.Pending),
                g.Count(l => l.Inactive || l.Left || l.ExpiredGrant)))
            .OrderBy(r => r.DepartmentName, StringComparer.Ordinal)];
    }

    public static string Link(AccessReviewCampaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return string.Create(CultureInfo.InvariantCulture, $"/access/reviews/{campaign.Id}");
    }

    /// <summary>The day <paramref name="days"/> working days after <paramref name="from"/>, on the office calendar.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var calendar = calendars[BusinessCalendars.Office];
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private async Task<List<AccessReviewLine>> LinesAsync(long campaignId, DateTime now, CancellationToken cancellationToken)
    {
        var idleSince = now.AddDays(-options.Value.InactiveDays);
        var held = await (from assignment in db.Set<RoleAssignment>().AsNoTracking()
                          join account in db.Set<Account>().AsNoTracking() on assignment.AccountId equals account.Id
                          where account.State != AccountState.Disabled
                          select new
                          {
                              account.Id,
                              account.DisplayName,
                              account.PersonId,
                              Idle = account.State == AccountState.Active && (account.LastLoginAt ?? account.CreatedAt) <= idleSince,
                              assignment.RoleId,
                              RoleName = assignment.Role!.Name,
                              assignment.DepartmentId,
                          })
            .ToListAsync(cancellationToken);
        var personIds = held.Where(h => h.PersonId is not null).Select(h => h.PersonId!.Value).Distinct().ToList();
        var persons = (await people.FindManyAsync(personIds, cancellationToken)).ToDictionary(p => p.Id);
        var today = Today;
        var ended = (await db.Set<PermissionRequest>().AsNoTracking()
                .Where(r => r.AccountId != null && (r.Status == PermissionRequestStatus.Ended || (r.Status == PermissionRequestStatus.Granted && r.EndsOn < today)))
                .Select(r => new { r.AccountId, r.RoleId, r.DepartmentId })
                .ToListAsync(cancellationToken))
            .ToHashSet();
        return [.. held.Select(h =>
        {
            var person = h.PersonId is { } p ? persons.GetValueOrDefault(p) : null;
            return new AccessReviewLine
            {
                CampaignId = campaignId,
                DepartmentId = person?.DepartmentId ?? h.DepartmentId,
                AccountId = h.Id,
                AccountName = h.DisplayName,
                RoleId = h.RoleId,
                RoleName = h.RoleName,
                ScopeDepartmentId = h.DepartmentId,
                Inactive = h.Idle,
                Left = person?.Status == PersonStatus.Left,
                ExpiredGrant = ended.Contains(new { AccountId = (long?)h.Id, h.RoleId, h.DepartmentId }),
            };
        })];
    }

    private async Task<HashSet<long>> BeneathAsync(IEnumerable<CallerRole> roots, CancellationToken cancellationToken)
    {
        var ids = roots.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var departments = await db.Set<Department>().AsNoTracking().Select(d => new { d.Id, d.Path }).ToListAsync(cancellationToken);
        return [.. departments.Where(d => ids.Any(root => d.Path.Contains(string.Create(CultureInfo.InvariantCulture, $"/{root}/"), StringComparison.Ordinal))).Select(d => d.Id)];
    }

    private Task<List<long>> DirectorsAsync(CancellationToken cancellationToken) =>
        db.Set<RoleAssignment>().AsNoTracking().Where(a => a.Role!.Name == BuiltInRoles.ItDirector).Select(a => a.AccountId).Distinct().ToListAsync(cancellationToken);

    private async Task NotifyEscalationAsync(AccessReviewCampaign campaign, List<long> recipients, int lines, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0 || lines == 0)
        {
            return;
        }

        var message = new NotificationMessage(EscalatedKind, notifier.Text("notice.access.review_escalated", campaign.Code, lines), null, Link(campaign));
        await notifier.NotifyAsync(message, [.. recipients.Distinct()], cancellationToken);
    }

    [GeneratedRegex("^20[0-9]{2}Q[1-4]$")]
    private static partial Regex PeriodPattern();
}
