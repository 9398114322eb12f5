using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Crypto;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Kernel.Audit;

/// <summary>
/// The audit administrator's view of the chain: read, export, verify. Nothing here (nor
/// anywhere) updates or deletes an event. Exports and verifications are themselves audited.
/// </summary>
public static class AuditApi
{
    public static readonly ListDefinition<AuditEvent> List = new ListDefinition<AuditEvent>("audit-events", e => e.Sequence, "-sequence")
        .SortBy("sequence", e => e.Sequence)
        .SortBy("occurredAt", e => e.OccurredAt);

    public static readonly ExportColumn<AuditEvent>[] Columns =
    [
        new("audit.sequence", e => e.Sequence),
        new("audit.occurredAt", e => e.OccurredAt),
        new("audit.actor", e => e.ActorName),
        new("audit.address", e => e.ClientAddress),
        new("audit.action", e => e.Action),
        new("audit.entityType", e => e.EntityType),
        new("audit.entityId", e => e.EntityId),
        new("audit.outcome", e => e.Outcome),
        new("audit.requirements", e => e.RequirementIds),
        new("audit.changes", e => e.Changes),
        new("audit.hash", e => e.Hash),
    ];

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit");
        audit.MapGet("/events", ListAsync).RequirePermission(KernelPermissions.AuditRead).WithName("ListAuditEvents").WithSummary("Audit events, newest first, filtered.");
        audit.MapGet("/events/{sequence:long}", GetAsync).RequirePermission(KernelPermissions.AuditRead).WithName("GetAuditEvent").WithSummary("One audit event with its before/after.");
        audit.MapGet("/events/export", ExportAsync).RequirePermission(KernelPermissions.AuditExport).WithName("ExportAuditEvents").WithSummary("The filtered events as xlsx or csv (audited).");
        audit.MapGet("/verify", VerifyAsync).RequirePermission(KernelPermissions.AuditVerify).WithName("VerifyAuditChain").WithSummary("Verify the chain against its head, the latest checkpoint and archive (audited).");
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.audit", "/audit", 950, KernelPermissions.AuditRead));
        audit.MapGet("/public-key", PublicKey).RequirePermission(KernelPermissions.AuditRead).WithName("GetInstallationPublicKey").WithSummary("The installation's SM2 public key (PEM) that signs checkpoints and archives.");
        return app;
    }

    private static async Task<Results<Ok<Page<AuditEventDto>>, ProblemHttpResult>> ListAsync([AsParameters] AuditFilter filter, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await List.PageAsync(filter.Apply(db.Set<AuditEvent>().AsNoTracking()), filter.Paging, AuditEventDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<AuditEventDto>, NotFound>> GetAsync(long sequence, XinkeDb db, CancellationToken cancellationToken)
    {
        var e = await db.Set<AuditEvent>().AsNoTracking().SingleOrDefaultAsync(x => x.Sequence == sequence, cancellationToken);
        return e is null ? TypedResults.NotFound() : TypedResults.Ok(AuditEventDto.From(e));
    }

    private static async Task<IResult> ExportAsync([AsParameters] AuditFilter filter, string? format, XinkeDb db, AuditLog log, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        var ordered = List.Ordered(filter.Apply(db.Set<AuditEvent>().AsNoTracking()), filter.Paging);
        if (!ordered.Succeeded)
        {
            return ApiProblems.From(http, ordered.Error!);
        }

        await log.RecordAsync("export", AuditOutcome.Success, cancellationToken, nameof(AuditEvent), details: JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
        return new ExportResult<AuditEvent>(ordered.Value!.AsAsyncEnumerable(), Columns, parsed.Value, "audit-events");
    }

    private static async Task<Ok<ChainVerification>> VerifyAsync(long? from, ChainVerifier verifier, AuditCheckpoints checkpoints, AuditArchive archive, AuditLog log, CancellationToken cancellationToken)
    {
        var checkpoint = await checkpoints.LatestAsync(cancellationToken);
        var archived = await archive.LatestAsync(cancellationToken);
        var result = await verifier.VerifyAsync(from ?? 1, checkpoint?.Point, archived?.End, null, cancellationToken);
        await log.RecordAsync(AuditEvidence.VerifiedAction, result.Ok ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken, details: JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
        return TypedResults.Ok(result);
    }

    private static ContentHttpResult PublicKey(InstallationKey key) => TypedResults.Text(key.PublicKeyPem, "application/x-pem-file");
}

/// <summary>The audit viewer's filters; times are UTC instants (any offset accepted).</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Action = null,
    string? Outcome = null,
    string? Sort = null,
    int? Limit = null,
    string? Cursor = null)
{
    public ListRequest Paging => new(null, Sort, Limit, Cursor);

    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (From is { } from)
        {
            var utc = from.UtcDateTime;
            events = events.Where(e => e.OccurredAt >= utc);
        }

        if (To is { } to)
        {
            var utc = to.UtcDateTime;
            events = events.Where(e => e.OccurredAt < utc);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            events = events.Where(e => e.ActorName == Actor);
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            events = events.Where(e => e.EntityType == EntityType);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            events = events.Where(e => e.EntityId == EntityId);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            events = events.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Outcome))
        {
            events = events.Where(e => e.Outcome == Outcome);
        }

        return events;
    }
}

public sealed record AuditEventDto(
    long Sequence,
    DateTime OccurredAt,
    long? ActorId,
    string ActorName,
    string? ClientAddress,
    string? UserAgent,
    string Action,
    string? EntityType,
    string? EntityId,
    JsonElement? Changes,
    string Outcome,
    string? RequirementIds,
    string PreviousHash,
    string Hash)
{
    public static AuditEventDto From(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.OccurredAt, e.ActorId, e.ActorName, e.ClientAddress, e.UserAgent, e.Action, e.EntityType, e.EntityId,
            e.Changes is null ? null : ParseChanges(e.Changes), e.Outcome, e.RequirementIds, e.PreviousHash, e.Hash);
    }

    private static JsonElement ParseChanges(string changes)
    {
        try
        {
            using var document = JsonDocument.Parse(changes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(changes.ToString(CultureInfo.InvariantCulture));
        }
    }
}
