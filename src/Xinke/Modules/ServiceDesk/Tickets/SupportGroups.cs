using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>
/// The assignment groups the IT director keeps. Everyone in a group (and its lead) is someone a
/// ticket dispatched to the group may land on, so each must hold <c>tickets.work</c>: a group of
/// people who cannot work tickets would leave its stage with nobody responsible (CHG-07).
/// </summary>
public sealed class SupportGroups(XinkeDb db, CurrentCaller current)
{
    public const string Requirement = TicketErrors.StageRequirement;

    public async Task<IReadOnlyList<SupportGroupDto>> ListAsync(CancellationToken cancellationToken)
    {
        var groups = await db.Set<SupportGroup>().AsNoTracking().OrderBy(g => g.NameZh).ToListAsync(cancellationToken);
        var members = await MembersAsync(null, cancellationToken);
        return [.. groups.Select(g => SupportGroupDto.From(g, members[g.Id].ToList()))];
    }

    public async Task<SupportGroupDto?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var group = await db.Set<SupportGroup>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        return group is null ? null : SupportGroupDto.From(group, (await MembersAsync(id, cancellationToken))[id].ToList());
    }

    public async Task<Result<SupportGroupDto>> CreateAsync(SupportGroupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (NamesError(input.NameZh, input.NameEn, required: true) is { } names)
        {
            return names;
        }

        if (input.LeadAccountId is { } lead && await EngineerErrorAsync(lead, "leadAccountId", cancellationToken) is { } leadError)
        {
            return leadError;
        }

        var nameZh = input.NameZh!.Trim();
        if (await db.Set<SupportGroup>().AnyAsync(g => g.NameZh == nameZh, cancellationToken))
        {
            return Error.Conflict(SupportGroupErrors.DuplicateName);
        }

        var group = new SupportGroup { NameZh = nameZh, NameEn = input.NameEn!.Trim(), LeadAccountId = input.LeadAccountId };
        db.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return SupportGroupDto.From(group, []);
    }

    /// <summary>Renames, changes the lead, or (de)activates a group; a deactivated group is refused for new assignments.</summary>
    public async Task<Result<SupportGroupDto>> EditAsync(long id, SupportGroupPatch patch, Func<SupportGroup, Error?> precondition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(precondition);
        var group = await db.Set<SupportGroup>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return Error.NotFound(SupportGroupErrors.NotFound);
        }

        if (precondition(group) is { } failed)
        {
            return failed;
        }

        if (NamesError(patch.NameZh, patch.NameEn, required: false) is { } names)
        {
            return names;
        }

        if (patch.LeadAccountId is { } lead && lead != group.LeadAccountId && await EngineerErrorAsync(lead, "leadAccountId", cancellationToken) is { } leadError)
        {
            return leadError;
        }

        var nameZh = patch.NameZh?.Trim() ?? group.NameZh;
        if (await db.Set<SupportGroup>().AnyAsync(g => g.NameZh == nameZh && g.Id != id, cancellationToken))
        {
            return Error.Conflict(SupportGroupErrors.DuplicateName);
        }

        group.NameZh = nameZh;
        group.NameEn = patch.NameEn?.Trim() ?? group.NameEn;
        group.LeadAccountId = patch.LeadAccountId ?? group.LeadAccountId;
        group.Active = patch.Active ?? group.Active;
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    /// <summary>Adds an engineer to a group; adding one already there changes nothing.</summary>
    public async Task<Result<SupportGroupDto>> AddMemberAsync(long id, long? accountId, CancellationToken cancellationToken)
    {
        if (!await db.Set<SupportGroup>().AnyAsync(g => g.Id == id, cancellationToken))
        {
            return Error.NotFound(SupportGroupErrors.NotFound);
        }

        if (accountId is not { } account)
        {
            return Error.Invalid(SupportGroupErrors.UnknownAccount, "accountId");
        }

        if (await EngineerErrorAsync(account, "accountId", cancellationToken) is { } error)
        {
            return error;
        }

        if (!await db.Set<SupportGroupMember>().AnyAsync(m => m.GroupId == id && m.AccountId == account, cancellationToken))
        {
            db.Add(new SupportGroupMember { GroupId = id, AccountId = account });
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await FindAsync(id, cancellationToken))!;
    }

    public async Task<Result<SupportGroupDto>> RemoveMemberAsync(long id, long accountId, CancellationToken cancellationToken)
    {
        if (!await db.Set<SupportGroup>().AnyAsync(g => g.Id == id, cancellationToken))
        {
            return Error.NotFound(SupportGroupErrors.NotFound);
        }

        var member = await db.Set<SupportGroupMember>().SingleOrDefaultAsync(m => m.GroupId == id && m.AccountId == accountId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound(SupportGroupErrors.NotAMember);
        }

        db.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    /// <summary>The active accounts that may join a group (they hold <c>tickets.work</c>), by display name.</summary>
    public async Task<IReadOnlyList<SupportGroupMemberDto>> EngineersAsync(CancellationToken cancellationToken)
    {
        // Read-only look into the kernel's grants narrows the candidates; the caller model decides.
        var accounts = await db.Set<RoleAssignment>().AsNoTracking()
            .Where(g => g.Role!.Permissions.Any(p => p.Permission == ServiceDeskPermissions.TicketsWork))
            .Select(g => g.AccountId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var engineers = new List<SupportGroupMemberDto>();
        foreach (var id in accounts)
        {
            if (await current.LoadAsync(id, null, cancellationToken) is { } caller && caller.Has(ServiceDeskPermissions.TicketsWork))
            {
                engineers.Add(new SupportGroupMemberDto(id, caller.Account.DisplayName));
            }
        }

        return [.. engineers.OrderBy(e => e.DisplayName, StringComparer.Ordinal)];
    }

    private async Task<Error?> EngineerErrorAsync(long accountId, string field, CancellationToken cancellationToken)
    {
        if (!await db.Set<Account>().AnyAsync(a => a.Id == accountId && a.State == AccountState.Active, cancellationToken))
        {
            return Error.Invalid(SupportGroupErrors.UnknownAccount, field);
        }

        var caller = await current.LoadAsync(accountId, null, cancellationToken);
        return caller is not null && caller.Has(ServiceDeskPermissions.TicketsWork) ? null : Error.Conflict(SupportGroupErrors.NotAnEngineer, Requirement);
    }

    private static Error? NamesError(string? nameZh, string? nameEn, bool required)
    {
        if ((required || nameZh is not null) && !Ticket.ValidText(nameZh, SupportGroup.NameMaxLength))
        {
            return Error.Invalid(SupportGroupErrors.InvalidName, "nameZh");
        }

        return (required || nameEn is not null) && !Ticket.ValidText(nameEn, SupportGroup.NameMaxLength) ? Error.Invalid(SupportGroupErrors.InvalidName, "nameEn") : null;
    }

    private async Task<ILookup<long, SupportGroupMemberDto>> MembersAsync(long? groupId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SupportGroupMember>().AsNoTracking()
            .Where(m => groupId == null || m.GroupId == groupId)
            .Join(db.Set<Account>(), m => m.AccountId, a => a.Id, (m, a) => new { m.GroupId, m.AccountId, a.DisplayName })
            .OrderBy(r => r.DisplayName)
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.GroupId, r => new SupportGroupMemberDto(r.AccountId, r.DisplayName));
    }
}
