using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Organization.People;
using Xinke.Modules.ServiceDesk.Categories;
using Xinke.Modules.ServiceDesk.Sla;
using Xinke.Modules.Systems;

namespace Xinke.Modules.ServiceDesk.Tickets;

/// <summary>A check an API or page asks for before a change (such as If-Match).</summary>
public delegate Error? TicketPrecondition(Ticket ticket);

/// <summary>
/// The tickets' use cases, one transaction each. Who sees what: the IT department (tickets.work or
/// tickets.oversee) every ticket; anyone else the tickets they reported or filed, and those of their
/// own department (their person's) and of the departments their scoped roles reach.
/// </summary>
public sealed class TicketDesk(
    XinkeDb db,
    HumanCodes codes,
    TimeProvider clock,
    CurrentCaller current,
    DepartmentScope scope,
    PeopleDirectory people,
    InformationSystems systems,
    TicketSla sla,
    Notifier notifier,
    IOptions<ServiceDeskOptions> options)
{
    public const string AssignedKind = "ticket.assigned";
    public const string ResolvedKind = "ticket.resolved";
    public const string CommentedKind = "ticket.commented";
    public const int MaxAssets = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Result<Ticket>> CreateAsync(TicketInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        if (!TicketEnums.TryParse<TicketKind>(input.Kind, out var kind))
        {
            return Error.Invalid(TicketErrors.InvalidKind, "kind");
        }

        var impact = TicketLevel.Medium;
        var urgency = TicketLevel.Medium;
        if ((input.Impact is not null && !TicketEnums.TryParse(input.Impact, out impact)) || (input.Urgency is not null && !TicketEnums.TryParse(input.Urgency, out urgency)))
        {
            return Error.Invalid(TicketErrors.InvalidLevel, input.Impact is not null && !TicketEnums.TryParse<TicketLevel>(input.Impact, out _) ? "impact" : "urgency");
        }

        var reporterId = input.ReporterAccountId ?? caller.Id;
        var onBehalf = reporterId != caller.Id;
        if (onBehalf && !caller.Has(ServiceDeskPermissions.TicketsWork))
        {
            return Error.Forbidden(TicketErrors.UnknownReporter);
        }

        if (onBehalf && !await db.Set<Account>().AnyAsync(a => a.Id == reporterId && a.State == AccountState.Active, cancellationToken))
        {
            return Error.Invalid(TicketErrors.UnknownReporter, "reporterAccountId");
        }

        var person = await people.FindByAccountAsync(reporterId, cancellationToken);
        var departmentId = input.DepartmentId ?? person?.DepartmentId;
        if (departmentId is not null)
        {
            if (!await db.Set<Department>().AnyAsync(d => d.Id == departmentId, cancellationToken))
            {
                return Error.Invalid(TicketErrors.UnknownDepartment, "departmentId");
            }

            if (!Oversees(caller) && departmentId != person?.DepartmentId && !(await DepartmentsOfAsync(caller, cancellationToken)).Contains(departmentId.Value))
            {
                return Error.Invalid(TicketErrors.UnknownDepartment, "departmentId");
            }
        }

        var details = await DetailErrorAsync(input.Title, input.Description, input.Location, input.ContactPhone, input.CategoryId, input.SystemId, cancellationToken);
        if (details is not null)
        {
            return details;
        }

        var assets = (input.AssetIds ?? []).Distinct().ToList();
        if (assets.Count > MaxAssets || assets.Any(a => a <= 0))
        {
            return Error.Invalid(TicketErrors.InvalidAssets, "assetIds");
        }

        // Filings come at the highest rate of any record: outside a caller's transaction the code is
        // reserved on its own, so a filing does not wait for the one before it to commit.
        var reserved = db.Database.CurrentTransaction is null ? await codes.ReserveAsync(Ticket.CodeKind, cancellationToken) : null;
        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var ticket = await OpenAsync(new Ticket
            {
                Code = string.Empty,
                Kind = kind,
                Title = input.Title!.Trim(),
                Description = input.Description!.Trim(),
                ReporterPersonId = person?.Id,
                ReporterAccountId = reporterId,
                FiledByAccountId = onBehalf ? caller.Id : null,
                DepartmentId = departmentId,
                Location = Trimmed(input.Location),
                ContactPhone = Trimmed(input.ContactPhone),
                CategoryId = input.CategoryId,
                SystemId = input.SystemId,
                Impact = impact,
                Urgency = urgency,
                Priority = PriorityMatrix.Of(impact, urgency),
                CreatedByAccountId = caller.Id,
            }, assets, caller.Id, reserved, cancellationToken);
            return Result<Ticket>.Success(ticket);
        }, cancellationToken);
    }

    /// <summary>
    /// Stores a new ticket with its code (<paramref name="reservedCode"/> when one was reserved before
    /// the transaction), opening history row, assets and SLA. Call inside a transaction. A code taken
    /// here keeps its counter locked until the commit, so everything is worked out first and the
    /// code is taken just before the one save.
    /// </summary>
    internal async Task<Ticket> OpenAsync(Ticket ticket, IReadOnlyCollection<long> assetIds, long? actorId, string? reservedCode, CancellationToken cancellationToken)
    {
        ticket.Status = TicketStatus.New;
        ticket.CreatedAt = Now;
        ticket.UpdatedAt = Now;
        var opened = ticket.Opened(actorId);
        await sla.ApplyAsync(ticket, [opened], cancellationToken);
        db.Add(ticket);
        // The ticket's key is temporary until the save, which puts the generated one in its rows.
        var key = db.Entry(ticket).Property(t => t.Id).CurrentValue;
        opened.TicketId = key;
        db.Add(opened);
        db.AddRange(assetIds.Select(a => new TicketAsset { TicketId = key, AssetId = a }));
        ticket.Code = reservedCode ?? await codes.NextAsync(Ticket.CodeKind, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    /// <summary>The tickets the caller may see (see the class remarks).</summary>
    public async Task<IQueryable<Ticket>> VisibleAsync(CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var all = db.Set<Ticket>().AsQueryable();
        if (caller is null || !caller.Has(ServiceDeskPermissions.TicketsRead))
        {
            return all.Where(t => false);
        }

        if (Oversees(caller))
        {
            return all;
        }

        var me = caller.Id;
        var departments = (await DepartmentsOfAsync(caller, cancellationToken)).ToList();
        return all.Where(t => t.ReporterAccountId == me || t.FiledByAccountId == me || (t.DepartmentId != null && departments.Contains(t.DepartmentId.Value)));
    }

    public async Task<Ticket?> FindAsync(long id, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<IReadOnlyList<long>> AssetsOfAsync(long id, CancellationToken cancellationToken) =>
        await db.Set<TicketAsset>().AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.AssetId).Select(a => a.AssetId).ToListAsync(cancellationToken);

    public Task<Result<Ticket>> EditAsync(long id, TicketPatch patch, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (ticket, caller) =>
        {
            ArgumentNullException.ThrowIfNull(patch);
            if (!caller.Has(ServiceDeskPermissions.TicketsWork))
            {
                return Error.Forbidden("request.forbidden");
            }

            if (!ticket.IsOpen)
            {
                return Error.Conflict(TicketErrors.WrongState, TicketErrors.Requirement);
            }

            var error = await DetailErrorAsync(patch.Title ?? ticket.Title, patch.Description ?? ticket.Description, patch.Location, null, patch.CategoryId, patch.SystemId, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            ticket.Title = patch.Title?.Trim() ?? ticket.Title;
            ticket.Description = patch.Description?.Trim() ?? ticket.Description;
            ticket.Location = patch.Location is null ? ticket.Location : Trimmed(patch.Location);
            ticket.CategoryId = patch.CategoryId ?? ticket.CategoryId;
            ticket.SystemId = patch.SystemId ?? ticket.SystemId;
            ticket.UpdatedAt = Now;
            return Result<TicketStatusChange?>.Success(null);
        }, cancellationToken);

    public Task<Result<Ticket>> AssignAsync(long id, long? assigneeId, long? groupId, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (ticket, caller) =>
        {
            if (assigneeId is { } assignee)
            {
                var engineer = await current.LoadAsync(assignee, null, cancellationToken);
                if (engineer is null || engineer.Account.State != AccountState.Active || !engineer.Has(ServiceDeskPermissions.TicketsWork))
                {
                    return Error.Invalid(TicketErrors.UnknownAssignee, "assigneeId");
                }
            }

            if (groupId is not null && !await db.Set<SupportGroup>().AnyAsync(g => g.Id == groupId && g.Active, cancellationToken))
            {
                return Error.Invalid(TicketErrors.UnknownGroup, "groupId");
            }

            var moved = ticket.Assign(assigneeId, groupId, caller.Id, Now);
            if (moved.Succeeded)
            {
                var recipients = ticket.AssigneeAccountId is { } a
                    ? [a]
                    : await db.Set<SupportGroupMember>().AsNoTracking().Where(m => m.GroupId == ticket.GroupId).Select(m => m.AccountId).ToListAsync(cancellationToken);
                await notifier.NotifyAsync(Message(AssignedKind, ticket, ticket.Description), [.. recipients.Where(r => r != caller.Id)], cancellationToken);
            }

            return Widen(moved);
        }, cancellationToken);

    public Task<Result<Ticket>> StartAsync(long id, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        WorkAsync(id, precondition, (ticket, caller) => ticket.Start(caller.Id, Now), cancellationToken);

    public Task<Result<Ticket>> PendAsync(long id, string? reason, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        WorkAsync(id, precondition, (ticket, caller) => ticket.Pend(reason, caller.Id, Now), cancellationToken);

    public Task<Result<Ticket>> ResumeAsync(long id, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        WorkAsync(id, precondition, (ticket, caller) => ticket.Resume(caller.Id, Now), cancellationToken);

    public Task<Result<Ticket>> ReprioritiseAsync(long id, string? impact, string? urgency, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        WorkAsync(id, precondition, (ticket, caller) =>
        {
            if (!TicketEnums.TryParse<TicketLevel>(impact, out var i))
            {
                return Error.Invalid(TicketErrors.InvalidLevel, "impact");
            }

            return !TicketEnums.TryParse<TicketLevel>(urgency, out var u)
                ? Error.Invalid(TicketErrors.InvalidLevel, "urgency")
                : ticket.Reprioritise(i, u, caller.Id, Now);
        }, cancellationToken);

    public Task<Result<Ticket>> ResolveAsync(long id, string? cause, string? rootCause, string? resolution, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (ticket, caller) =>
        {
            if (!caller.Has(ServiceDeskPermissions.TicketsWork))
            {
                return Error.Forbidden("request.forbidden");
            }

            TicketCause? parsed = TicketEnums.TryParse<TicketCause>(cause, out var c) ? c : null;
            var moved = ticket.Resolve(parsed, rootCause, resolution, caller.Id, Now);
            if (moved.Succeeded && ticket.ReporterAccountId is { } reporter && reporter != caller.Id)
            {
                // The reporter learns the public resolution only: never an internal comment.
                await notifier.NotifyAsync(Message(ResolvedKind, ticket, ticket.Resolution), [reporter], cancellationToken);
            }

            return Widen(moved);
        }, cancellationToken);

    public Task<Result<Ticket>> ConfirmAsync(long id, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, (ticket, caller) => Task.FromResult(Widen(ticket.Confirm(caller.Id, Now))), cancellationToken);

    public Task<Result<Ticket>> CloseAsync(long id, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        WorkAsync(id, precondition, (ticket, caller) => ticket.Close(caller.Id, null, Now), cancellationToken);

    /// <summary>Whether the ticket may still be reopened now, so pages offer the form only while it would be accepted.</summary>
    public bool CanReopen(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.CanReopen(options.Value.ReopenWindow, Now);
    }

    /// <summary>The reporter, or an engineer, reopens within the window after the resolution.</summary>
    public Task<Result<Ticket>> ReopenAsync(long id, string? reason, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, async (ticket, caller) =>
        {
            if (ticket.ReporterAccountId != caller.Id && !caller.Has(ServiceDeskPermissions.TicketsWork))
            {
                return Error.Conflict(TicketErrors.NotReporter, TicketErrors.Requirement);
            }

            var moved = ticket.Reopen(reason, caller.Id, options.Value.ReopenWindow, Now);
            if (moved.Succeeded && ticket.AssigneeAccountId is { } assignee && assignee != caller.Id)
            {
                await notifier.NotifyAsync(Message(AssignedKind, ticket, ticket.ReopenReason), [assignee], cancellationToken);
            }

            return Widen(moved);
        }, cancellationToken);

    public Task<Result<Ticket>> RateAsync(long id, int? score, string? comment, TicketPrecondition? precondition, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, (ticket, caller) =>
            Task.FromResult(ticket.Rate(score, comment, caller.Id, Now) is { } refused ? refused : Result<TicketStatusChange?>.Success(null)), cancellationToken);

    /// <summary>
    /// Adds a comment. Internal comments are for the IT department: only engineers write them, and
    /// they notify the assignee only, never the reporter.
    /// </summary>
    public async Task<Result<TicketComment>> CommentAsync(long id, string? text, bool isInternal, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var ticket = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound(TicketErrors.NotFound);
        }

        if (isInternal && !caller.Has(ServiceDeskPermissions.TicketsWork))
        {
            return Error.Forbidden(TicketErrors.InternalCommentForbidden);
        }

        if (!Ticket.ValidText(text, TicketComment.TextMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidComment, "text");
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var comment = new TicketComment { TicketId = ticket.Id, Text = text!.Trim(), Internal = isInternal, AuthorAccountId = caller.Id, At = Now };
            db.Add(comment);

            var recipients = new List<long>();
            if (ticket.AssigneeAccountId is { } assignee)
            {
                recipients.Add(assignee);
            }

            if (!isInternal && ticket.ReporterAccountId is { } reporter)
            {
                recipients.Add(reporter);
            }

            recipients.RemoveAll(r => r == caller.Id);
            if (recipients.Count > 0)
            {
                await notifier.NotifyAsync(Message(CommentedKind, ticket, comment.Text), recipients, cancellationToken);
            }

            // A comment is added beside the ticket, not an edit of it: the ticket's row (its version and
            // its UpdatedAt) is left alone, so colleagues commenting at the same moment neither refuse
            // nor wait for each other, and an engineer's open edit form stays current.
            await db.SaveChangesAsync(cancellationToken);
            return Result<TicketComment>.Success(comment);
        }, cancellationToken);
    }

    /// <summary>Everything that happened to a ticket, oldest first; internal comments only for the IT department.</summary>
    public async Task<Result<IReadOnlyList<TimelineEntry>>> TimelineAsync(long id, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        var ticket = await FindAsync(id, cancellationToken);
        if (caller is null || ticket is null)
        {
            return Error.NotFound(TicketErrors.NotFound);
        }

        var seesInternal = caller.Has(ServiceDeskPermissions.TicketsWork);
        var rows = await db.Set<TicketStatusChange>().AsNoTracking().Where(r => r.TicketId == id).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var comments = await db.Set<TicketComment>().AsNoTracking().Where(c => c.TicketId == id && (seesInternal || !c.Internal)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        IReadOnlyList<TimelineEntry> entries =
        [
            .. rows.Select(r => new TimelineEntry(r.At, "status", r.ActorAccountId, r.From, r.To, r.Priority, r.AssigneeAccountId, r.GroupId, r.Reason, null, false))
                .Concat(comments.Select(c => new TimelineEntry(c.At, "comment", c.AuthorAccountId, null, null, null, null, null, null, c.Text, c.Internal)))
                .OrderBy(e => e.At),
        ];
        return Result<IReadOnlyList<TimelineEntry>>.Success(entries);
    }

    /// <summary>Whether the caller sees every ticket (the IT department, leadership, reviewers).</summary>
    public static bool Oversees(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(ServiceDeskPermissions.TicketsWork) || caller.Has(ServiceDeskPermissions.TicketsOversee);
    }

    /// <summary>The caller's own department (their person's) and the departments their scoped roles reach.</summary>
    private async Task<IReadOnlyCollection<long>> DepartmentsOfAsync(Caller caller, CancellationToken cancellationToken)
    {
        var departments = new HashSet<long>();
        if (caller.Account.PersonId is not null && await people.FindByAccountAsync(caller.Id, cancellationToken) is { } person)
        {
            departments.Add(person.DepartmentId);
        }

        // An unscoped grant (the plain staff role) does not widen anything: staff see their own department only.
        if (await scope.DepartmentsAsync(ServiceDeskPermissions.TicketsRead, cancellationToken) is { } scoped)
        {
            departments.UnionWith(scoped);
        }

        return departments;
    }

    private async Task<Error?> DetailErrorAsync(string? title, string? description, string? location, string? phone, long? categoryId, long? systemId, CancellationToken cancellationToken)
    {
        if (!Ticket.ValidText(title, Ticket.TitleMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidTitle, "title");
        }

        if (!Ticket.ValidText(description, Ticket.DescriptionMaxLength))
        {
            return Error.Invalid(TicketErrors.InvalidDescription, "description");
        }

        if (location?.Trim().Length > Ticket.LocationMaxLength)
        {
            return Error.Invalid(TicketErrors.InvalidLocation, "location");
        }

        if (phone is not null && (phone.Trim().Length > Ticket.PhoneMaxLength || phone.Any(ch => !(char.IsAsciiDigit(ch) || ch is '-' or '+' or ' '))))
        {
            return Error.Invalid(TicketErrors.InvalidPhone, "contactPhone");
        }

        if (categoryId is not null)
        {
            var active = await db.Set<TicketCategory>().Where(c => c.Id == categoryId).Select(c => (bool?)c.Active).SingleOrDefaultAsync(cancellationToken);
            if (active is null)
            {
                return Error.Invalid(TicketErrors.UnknownCategory, "categoryId");
            }

            if (active == false)
            {
                return Error.Conflict(CategoryErrors.Inactive);
            }
        }

        if (systemId is { } system && await systems.FindAsync(system, cancellationToken) is null)
        {
            return Error.Invalid(TicketErrors.UnknownSystem, "systemId");
        }

        return null;
    }

    private Task<Result<Ticket>> WorkAsync(long id, TicketPrecondition? precondition, Func<Ticket, Caller, Result<TicketStatusChange>> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, precondition, (ticket, caller) => Task.FromResult(
            caller.Has(ServiceDeskPermissions.TicketsWork) ? Widen(change(ticket, caller)) : Error.Forbidden("request.forbidden")), cancellationToken);

    /// <summary>Loads a visible ticket, applies the change, stores the history row it adds and refreshes the SLA columns, in one transaction.</summary>
    private async Task<Result<Ticket>> ChangeAsync(long id, TicketPrecondition? precondition, Func<Ticket, Caller, Task<Result<TicketStatusChange?>>> change, CancellationToken cancellationToken)
    {
        var caller = await current.GetAsync(cancellationToken);
        if (caller is null)
        {
            return Error.Unauthenticated("request.unauthenticated");
        }

        var ticket = await (await VisibleAsync(cancellationToken)).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound(TicketErrors.NotFound);
        }

        if (precondition?.Invoke(ticket) is { } failed)
        {
            return failed;
        }

        return await AmbientTransaction.RunAsync(db, async () =>
        {
            var changed = await change(ticket, caller);
            if (!changed.Succeeded)
            {
                return changed.Error!;
            }

            if (changed.Value is { } row)
            {
                db.Add(row);
            }

            await sla.RefreshAsync(ticket, changed.Value is { } added ? [added] : [], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Ticket>.Success(ticket);
        }, cancellationToken);
    }

    private static Result<TicketStatusChange?> Widen(Result<TicketStatusChange> result) =>
        result.Succeeded ? Result<TicketStatusChange?>.Success(result.Value) : result.Error!;

    private static NotificationMessage Message(string kind, Ticket ticket, string? body) =>
        new(kind, $"{ticket.Code} · {ticket.Title}", body, string.Create(CultureInfo.InvariantCulture, $"/servicedesk/tickets/detail?id={ticket.Id}"));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
