using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Access.Requests;

/// <summary>
/// What a permission request does to an account's roles, always through <see cref="RoleService"/>
/// so its separation-of-duties rules and the audit apply: the grant when approved (creating the
/// account if the person has none), the end after the end date, and the security administrator's
/// early revocation. Each is audited naming the request.
/// </summary>
public sealed class PermissionGrants(
    XinkeDb db,
    TimeProvider clock,
    HospitalClock hospital,
    PeopleDirectory people,
    RoleService roles,
    AccountService accounts,
    AuditLog audit,
    Notifier notifier)
{
    public const string GrantedKind = "access.request_granted";
    public const string EndedKind = "access.grant_ended";
    public const string GrantedAction = "access.role_granted";
    public const string RevokedAction = "access.role_revoked";

    public DateOnly Today => hospital.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>Grants an approved request: creates the person's account when they have none (pending, for the system administrator to activate), then the role.</summary>
    public async Task<Error?> GrantAsync(PermissionRequest request, long? grantorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = await people.FindAsync(request.PersonId, cancellationToken);
        if (person is null)
        {
            return Error.NotFound(AccessErrors.PersonNotFound);
        }

        var accountId = person.AccountId;
        if (accountId is null)
        {
            var created = await accounts.CreateAsync(person.EmployeeNumber.ToLowerInvariant(), person.Name, person.Id, AccountState.Pending, cancellationToken);
            if (!created.Succeeded)
            {
                return created.Error;
            }

            accountId = created.Value!.Account.Id;
        }

        var granted = await roles.GrantAsync(grantorId, accountId.Value, request.RoleName, request.DepartmentId, cancellationToken);
        if (!granted.Succeeded)
        {
            return granted.Error;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Grant(accountId.Value, now) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(GrantedAction, AuditOutcome.Success, cancellationToken, nameof(RoleAssignment), granted.Value!.Id.ToString(CultureInfo.InvariantCulture), $"{request.Code}: {PermissionRequests.Describe(request)}", AccessErrors.Granting);
        var message = new NotificationMessage(GrantedKind, notifier.Text("notice.access.granted", request.Code, PermissionRequests.Describe(request)), request.Purpose, PermissionRequests.Link(request));
        await notifier.NotifyAsync(message, [.. new[] { request.RequesterId, accountId.Value }.Distinct()], cancellationToken);
        return null;
    }

    /// <summary>The security administrator ends a grant before its end date, saying why.</summary>
    public async Task<Result<PermissionRequest>> RevokeAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > PermissionRequest.ReasonMaxLength)
        {
            return Error.Invalid(AccessErrors.InvalidReason, "reason", PermissionRequest.ReasonMaxLength);
        }

        var request = await db.Set<PermissionRequest>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return Error.NotFound(AccessErrors.RequestNotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await EndAsync(request, reason.Trim(), cancellationToken) is { } refused)
        {
            return refused;
        }

        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>Revokes the grants whose end date has passed, each in a transaction of its own; returns how many ended. Run again, it finds none.</summary>
    public async Task<int> EndExpiredGrantsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var due = await db.Set<PermissionRequest>().AsNoTracking()
            .Where(r => r.Status == PermissionRequestStatus.Granted && r.EndsOn != null && r.EndsOn < today)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var request = await db.Set<PermissionRequest>().SingleAsync(r => r.Id == id, cancellationToken);
            if (await EndAsync(request, null, cancellationToken) is null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return due.Count;
    }

    /// <summary>
    /// Takes the role away unless another live grant (a later request for the same role and scope)
    /// still covers it, records why, and tells the person.
    /// </summary>
    private async Task<Error?> EndAsync(PermissionRequest request, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.EndGrant(reason, now) is { } refused)
        {
            return refused;
        }

        var today = Today;
        var accountId = request.AccountId!.Value;
        var stillCovered = await db.Set<PermissionRequest>().AnyAsync(
            r => r.Id != request.Id && r.AccountId == accountId && r.RoleId == request.RoleId && r.DepartmentId == request.DepartmentId
                && r.Status == PermissionRequestStatus.Granted && (r.EndsOn == null || r.EndsOn >= today),
            cancellationToken);
        if (!stillCovered)
        {
            await roles.RevokeAsync(accountId, request.RoleId, request.DepartmentId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var why = reason ?? string.Create(CultureInfo.InvariantCulture, $"{request.EndsOn:yyyy-MM-dd}");
        await audit.RecordAsync(RevokedAction, AuditOutcome.Success, cancellationToken, nameof(PermissionRequest), request.Id.ToString(CultureInfo.InvariantCulture), $"{request.Code}: {PermissionRequests.Describe(request)} ({why})", AccessErrors.Granting);
        var message = new NotificationMessage(EndedKind, notifier.Text("notice.access.ended", request.Code, PermissionRequests.Describe(request)), why, PermissionRequests.Link(request));
        await notifier.NotifyAsync(message, [accountId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
