using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Obligations;

/// <summary>A calendar query: periods overlapping [From, To), optionally of one status, owner or requirement.</summary>
public sealed record PeriodFilter(DateTime? From, DateTime? To, PeriodStatus? Status, string? Owner, string? Requirement);

/// <summary>The filters the API, the pages and the exports share.</summary>
public sealed class ObligationQueries(XinkeDb db, TimeProvider clock)
{
    /// <summary>How long a missed period stays on the owner's home page.</summary>
    public static readonly TimeSpan MissedShownFor = TimeSpan.FromDays(30);

    public Result<IQueryable<Obligation>> Obligations(string? owner, string? requirement)
    {
        var query = db.Set<Obligation>().AsNoTracking();
        var ownerFilter = OwnerFilter(owner);
        if (!ownerFilter.Succeeded)
        {
            return ownerFilter.Error!;
        }

        if (ownerFilter.Value is { } matches)
        {
            query = query.Where(matches);
        }

        if (!string.IsNullOrWhiteSpace(requirement))
        {
            var stored = Obligation.StoreRequirements([requirement]);
            if (stored is null)
            {
                return Error.Invalid(ObligationErrors.InvalidRequirements, "requirement");
            }

            query = query.Where(o => o.RequirementIds.Contains(stored));
        }

        return Result<IQueryable<Obligation>>.Success(query);
    }

    public Result<IQueryable<ObligationPeriod>> Periods(PeriodFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var obligations = Obligations(filter.Owner, filter.Requirement);
        if (!obligations.Succeeded)
        {
            return obligations.Error!;
        }

        if (filter.From is { } from && filter.To is { } to && to <= from)
        {
            return Error.Invalid(ObligationErrors.InvalidRange, "to");
        }

        var selected = obligations.Value!;
        var query = db.Set<ObligationPeriod>().AsNoTracking().Where(p => selected.Any(o => o.Id == p.ObligationId));
        if (filter.From is { } start)
        {
            query = query.Where(p => p.End > start);
        }

        if (filter.To is { } end)
        {
            query = query.Where(p => p.Start < end);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(ObligationPeriod.HasStatus(status, clock.GetUtcNow().UtcDateTime));
        }

        return Result<IQueryable<ObligationPeriod>>.Success(query);
    }

    /// <summary>The caller's late periods and recently missed ones: those of obligations owned by the caller, a role or a department the caller holds.</summary>
    public async Task<IReadOnlyList<PeriodDto>> OverdueForAsync(Caller caller, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var person = caller.Id.ToString(CultureInfo.InvariantCulture);
        var roles = caller.Roles.Select(r => r.Role).Distinct().ToList();
        var departments = caller.Roles.Where(r => r.DepartmentId is not null).Select(r => r.DepartmentId!.Value.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var owned = db.Set<Obligation>().AsNoTracking().Where(o => o.Active && (
            (o.OwnerKind == OwnerKind.Person && o.Owner == person)
            || (o.OwnerKind == OwnerKind.Role && roles.Contains(o.Owner))
            || (o.OwnerKind == OwnerKind.Department && departments.Contains(o.Owner))));
        var now = clock.GetUtcNow().UtcDateTime;
        var shownSince = now - MissedShownFor;
        var periods = await db.Set<ObligationPeriod>().AsNoTracking()
            .Where(p => owned.Any(o => o.Id == p.ObligationId))
            .Where(p => p.End <= now && p.GraceUntil > shownSince)
            .Where(Not(ObligationPeriod.HasStatus(PeriodStatus.Done, now)))
            .OrderBy(p => p.End).ThenBy(p => p.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return await ToDtosAsync(periods, cancellationToken);
    }

    public async Task<IReadOnlyList<PeriodDto>> ToDtosAsync(IReadOnlyList<ObligationPeriod> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var ids = periods.Select(p => p.ObligationId).Distinct().ToList();
        var obligations = await db.Set<Obligation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. periods.Select(p => PeriodDto.From(p, obligations[p.ObligationId], now))];
    }

    /// <summary><c>role:it-director</c>, <c>person:12</c> or <c>department:3</c>; null matches every owner.</summary>
    private static Result<Expression<Func<Obligation, bool>>?> OwnerFilter(string? owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
        {
            return Result<Expression<Func<Obligation, bool>>?>.Success(null);
        }

        var parts = owner.Split(':', 2);
        if (parts.Length != 2 || !Enum.TryParse<OwnerKind>(parts[0], ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || parts[1].Length == 0)
        {
            return Error.Invalid(ObligationErrors.InvalidOwner, "owner");
        }

        var value = parts[1];
        return Result<Expression<Func<Obligation, bool>>?>.Success(o => o.OwnerKind == kind && o.Owner == value);
    }

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
