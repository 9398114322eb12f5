using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Departments;

namespace Xinke.Kernel.Privacy;

/// <summary>
/// Decides, per request, whether sensitive values are shown or masked (DATA-09): in clear only
/// to a reader holding the module's view-sensitive permission for the record's department, and
/// every such view is audited.
/// </summary>
public sealed class SensitiveViews(DepartmentScope scope, AuditLog audit)
{
    public const string ViewedAction = "sensitive_viewed";
    public const string ExportedAction = "sensitive_exported";
    public const string Requirement = "DATA-09";

    public async Task<SensitiveLens> LensAsync(string viewPermission, CancellationToken cancellationToken) =>
        new(await scope.DepartmentsAsync(viewPermission, cancellationToken), audit);
}

/// <summary>One request's view of sensitive values; call <see cref="RecordAsync"/> once the response is built.</summary>
public sealed class SensitiveLens
{
    private readonly IReadOnlyList<long>? reachable;
    private readonly AuditLog audit;
    private readonly SortedDictionary<string, SortedSet<long>> shown = new(StringComparer.Ordinal);

    internal SensitiveLens(IReadOnlyList<long>? reachable, AuditLog audit)
    {
        this.reachable = reachable;
        this.audit = audit;
    }

    /// <summary>Whether the reader may see any value in clear at all.</summary>
    public bool MayUnmask => reachable is null || reachable.Count > 0;

    /// <summary>The value in clear when the reader may see it for the record's department, else masked.</summary>
    public string? Show(string? value, SensitiveKind kind, string entityType, long entityId, long? departmentId)
    {
        if (value is null)
        {
            return null;
        }

        var allowed = reachable is null || (departmentId is { } department && reachable.Contains(department));
        if (!allowed)
        {
            return Masking.For(kind, value);
        }

        if (!shown.TryGetValue(entityType, out var ids))
        {
            shown[entityType] = ids = [];
        }

        ids.Add(entityId);
        return value;
    }

    /// <summary>Audits the records whose sensitive values this request showed in clear, if any.</summary>
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        foreach (var (entityType, ids) in shown)
        {
            var entityId = ids.Count == 1 ? ids.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            await audit.RecordAsync(SensitiveViews.ViewedAction, AuditOutcome.Success, cancellationToken, entityType, entityId,
                JsonSerializer.Serialize(new { ids }), SensitiveViews.Requirement);
        }

        shown.Clear();
    }

    /// <summary>
    /// Audits an export that may carry values in clear before it streams (rows are written after
    /// the response has begun), naming what was asked for.
    /// </summary>
    public Task RecordExportAsync(string entityType, object filter, CancellationToken cancellationToken) =>
        MayUnmask
            ? audit.RecordAsync(SensitiveViews.ExportedAction, AuditOutcome.Success, cancellationToken, entityType, null, JsonSerializer.Serialize(filter, JsonSerializerOptions.Web), SensitiveViews.Requirement)
            : Task.CompletedTask;
}
