using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Tickets;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Sla;

/// <summary>
/// The SLA policies the IT director keeps. A policy is never deleted (tickets name it): it is
/// deactivated. A changed target applies to every open ticket at its next recomputation, because
/// the clock is derived from the history each time.
/// </summary>
public sealed class SlaPolicies(XinkeDb db, InformationSystems systems)
{
    public const int MaxMinutes = 60 * 24 * 365;
    public const string InvalidName = "sla.invalid_name";
    public const string InvalidPriority = "sla.invalid_priority";
    public const string InvalidMinutes = "sla.invalid_minutes";
    public const string NotFound = "sla.not_found";

    public IQueryable<SlaPolicy> All() => db.Set<SlaPolicy>().AsNoTracking();

    public Task<SlaPolicy?> FindAsync(long id, CancellationToken cancellationToken) => All().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<Result<SlaPolicy>> CreateAsync(SlaPolicyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Ticket.ValidText(input.Name, SlaPolicy.NameMaxLength))
        {
            return Error.Invalid(InvalidName, "name");
        }

        if (!TicketEnums.TryParse<TicketPriority>(input.Priority, out var priority))
        {
            return Error.Invalid(InvalidPriority, "priority");
        }

        if (MinutesError(input.ResponseMinutes, input.ResolutionMinutes) is { } minutes)
        {
            return minutes;
        }

        if (input.CategoryId is not null && !await db.Set<TicketCategory>().AnyAsync(c => c.Id == input.CategoryId, cancellationToken))
        {
            return Error.Invalid(TicketErrors.UnknownCategory, "categoryId");
        }

        if (input.SystemId is { } system && await systems.FindAsync(system, cancellationToken) is null)
        {
            return Error.Invalid(TicketErrors.UnknownSystem, "systemId");
        }

        var policy = new SlaPolicy
        {
            Name = input.Name!.Trim(),
            Priority = priority,
            CategoryId = input.CategoryId,
            SystemId = input.SystemId,
            ResponseMinutes = input.ResponseMinutes!.Value,
            ResolutionMinutes = input.ResolutionMinutes!.Value,
            AroundTheClock = input.AroundTheClock ?? false,
        };
        db.Add(policy);
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }

    public async Task<Result<SlaPolicy>> EditAsync(long id, SlaPolicyPatch patch, Func<SlaPolicy, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(precondition);
        var policy = await db.Set<SlaPolicy>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (policy is null)
        {
            return Error.NotFound(NotFound);
        }

        if (precondition(policy) is { } failed)
        {
            return failed;
        }

        if (patch.Name is not null && !Ticket.ValidText(patch.Name, SlaPolicy.NameMaxLength))
        {
            return Error.Invalid(InvalidName, "name");
        }

        if (MinutesError(patch.ResponseMinutes ?? policy.ResponseMinutes, patch.ResolutionMinutes ?? policy.ResolutionMinutes) is { } minutes)
        {
            return minutes;
        }

        policy.Name = patch.Name?.Trim() ?? policy.Name;
        policy.ResponseMinutes = patch.ResponseMinutes ?? policy.ResponseMinutes;
        policy.ResolutionMinutes = patch.ResolutionMinutes ?? policy.ResolutionMinutes;
        policy.AroundTheClock = patch.AroundTheClock ?? policy.AroundTheClock;
        policy.Active = patch.Active ?? policy.Active;
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }

    private static Error? MinutesError(int? response, int? resolution)
    {
        if (response is not (> 0 and <= MaxMinutes))
        {
            return Error.Invalid(InvalidMinutes, "responseMinutes");
        }

        return resolution is not (> 0 and <= MaxMinutes) || resolution < response ? Error.Invalid(InvalidMinutes, "resolutionMinutes") : null;
    }
}
