using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Xinke.Kernel.Audit;

/// <summary>
/// Writes one audit event per changed entity in the same transaction as the change. The
/// before/after is taken before the save; the events are handed to the writer after it (when
/// generated keys are known), which chains them as the transaction commits. When the caller
/// opened no transaction, this opens one around the save and commits it, so a failed audit
/// write rolls the change back (fail closed).
/// </summary>
public sealed class AuditInterceptor(ActorAccessor actors, AuditWriter writer) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Changed(context).Any())
        {
            throw new InvalidOperationException("Audited changes are saved with SaveChangesAsync.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var context = eventData.Context;
        if (context is null)
        {
            return result;
        }

        context.ChangeTracker.DetectChanges();
        var entries = Changed(context).Select(entry => new Change(entry, ActionOf(entry.State), ChangeSet.Of(entry))).ToList();
        if (entries.Count == 0)
        {
            return result;
        }

        var owned = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken)
            : null;
        pending.AddOrUpdate(context, new Pending(entries, owned, actors.Current));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var context = eventData.Context;
        if (context is null || !pending.TryGetValue(context, out var work))
        {
            return result;
        }

        pending.Remove(context);
        try
        {
            var events = work.Changes
                .Select(c => new PendingEvent(work.Actor, c.Action, AuditOutcome.Success, c.Entry.Metadata.ClrType.Name, KeyOf(c.Entry), c.Changes))
                .ToList();
            writer.Append(context, events);
            if (work.Owned is not null)
            {
                await work.Owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (work.Owned is not null)
            {
                await work.Owned.DisposeAsync();
            }
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await AbandonAsync(eventData.Context);
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await AbandonAsync(eventData.Context);
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var work))
        {
            return;
        }

        pending.Remove(context);
        if (work.Owned is not null)
        {
            await work.Owned.RollbackAsync(CancellationToken.None);
            await work.Owned.DisposeAsync();
        }
    }

    private static IEnumerable<EntityEntry> Changed(DbContext context) =>
        context.ChangeTracker.Entries().Where(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null);

    private static string ActionOf(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Create,
        EntityState.Deleted => AuditAction.Delete,
        _ => AuditAction.Update,
    };

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        return string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private sealed record Change(EntityEntry Entry, string Action, string? Changes);

    private sealed record Pending(IReadOnlyList<Change> Changes, IDbContextTransaction? Owned, Actor Actor);
}
