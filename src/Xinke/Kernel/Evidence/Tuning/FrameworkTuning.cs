using System.Text;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Evidence.Tuning;

/// <summary>What an edit of a rule's thresholds asks: new values by name, and why.</summary>
public sealed record ThresholdEdit(IReadOnlyDictionary<string, double>? Values, string? Reason);

/// <summary>
/// The IT director's use cases on frameworks: import a further framework (validated by the same
/// loader as the shipped ones, nothing kept when refused; a re-import of a code is a new version)
/// and set a rule's thresholds and frequencies, each override kept with who, when and why.
/// </summary>
public sealed class FrameworkTuning(XinkeDb db, FrameworkCatalogueCache cache, CurrentCaller current, TimeProvider clock)
{
    /// <summary>A framework file is small (the hospital's own has some eighty rules); a larger body is refused.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public async Task<Result<ImportedFramework>> ImportAsync(Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var content = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(content))
        {
            return Error.Invalid(FrameworkTuningErrors.FileRequired, "file");
        }

        RequirementCatalogue framework;
        try
        {
            framework = RequirementCatalogue.Load(content);
            if (framework.Code == RequirementCatalogue.NativeCode || MappedFrameworks.Shipped.Contains(framework.Code))
            {
                return Error.Conflict(FrameworkTuningErrors.Shipped, null, framework.Code);
            }

            if (framework.Code.Length > ImportedFramework.CodeMaxLength || framework.Version.Length > 64)
            {
                throw RequirementCatalogue.Refused("framework", "The framework code or version is too long.");
            }

            ComplianceFrameworks.CheckMappings(cache.Current(db).Native, framework);
        }
        catch (InvalidDataException refused)
        {
            var node = RequirementCatalogue.NodeOf(refused);
            return Error.Invalid(FrameworkTuningErrors.Invalid, node, node, refused.Message);
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("A framework is imported by a signed-in director.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var last = await db.Set<ImportedFramework>().Where(f => f.Code == framework.Code).MaxAsync(f => (int?)f.Version, cancellationToken) ?? 0;
        var imported = new ImportedFramework
        {
            Code = framework.Code,
            Version = last + 1,
            DeclaredVersion = framework.Version,
            Content = content,
            ImportedById = caller.Id,
            ImportedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(imported);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return imported;
    }

    /// <summary>Every imported version of every code, newest first: the old ones are kept.</summary>
    public Task<List<ImportedFramework>> ImportsAsync(CancellationToken cancellationToken) =>
        db.Set<ImportedFramework>().AsNoTracking().OrderBy(f => f.Code).ThenByDescending(f => f.Version).ToListAsync(cancellationToken);

    public Task<List<ThresholdOverride>> OverridesAsync(string frameworkCode, string requirementId, CancellationToken cancellationToken) =>
        db.Set<ThresholdOverride>().AsNoTracking().Where(o => o.FrameworkCode == frameworkCode && o.RequirementId == requirementId).OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>The version of a rule's thresholds, for If-Match: it grows with every override made or changed.</summary>
    public static long VersionOf(IEnumerable<ThresholdOverride> overrides) => overrides.Sum(o => o.Version);

    public async Task<Result<IReadOnlyList<ThresholdOverride>>> OverrideAsync(string frameworkCode, string requirementId, ThresholdEdit edit, Func<long, Error?> expectVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(expectVersion);
        if (cache.Current(db).Find(frameworkCode) is not { } framework)
        {
            return Error.NotFound(ComplianceReports.FrameworkNotFound);
        }

        if (framework.Find(requirementId) is not { } requirement)
        {
            return Error.NotFound(ComplianceReports.RequirementNotFound);
        }

        if (Validate(framework, requirement, edit) is { } invalid)
        {
            return invalid;
        }

        var caller = await current.GetAsync(cancellationToken) ?? throw new InvalidOperationException("Thresholds are set by a signed-in director.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<ThresholdOverride>().Where(o => o.FrameworkCode == framework.Code && o.RequirementId == requirement.Id).ToListAsync(cancellationToken);
        if (expectVersion(VersionOf(rows)) is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (name, value) in edit.Values!)
        {
            var row = rows.SingleOrDefault(r => r.Name == name);
            if (row is null)
            {
                row = new ThresholdOverride { FrameworkCode = framework.Code, RequirementId = requirement.Id, Name = name, Reason = "" };
                db.Add(row);
                rows.Add(row);
            }

            row.Value = value;
            row.Reason = edit.Reason!.Trim();
            row.EditedById = caller.Id;
            row.EditedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static Error? Validate(RequirementCatalogue framework, Requirement requirement, ThresholdEdit edit)
    {
        if (edit.Values is not { Count: > 0 })
        {
            return Error.Invalid(FrameworkTuningErrors.ThresholdsRequired, "values");
        }

        foreach (var (name, value) in edit.Values)
        {
            if (!requirement.OwnThresholds.ContainsKey(name) && !framework.DefaultThresholds.ContainsKey(name))
            {
                return Error.Invalid(FrameworkTuningErrors.UnknownThreshold, $"values.{name}", name);
            }

            if (!double.IsFinite(value) || value < 0)
            {
                return Error.Invalid(FrameworkTuningErrors.InvalidValue, $"values.{name}");
            }
        }

        return string.IsNullOrWhiteSpace(edit.Reason) || edit.Reason.Trim().Length > ThresholdOverride.ReasonMaxLength
            ? Error.Invalid(FrameworkTuningErrors.ReasonRequired, "reason", ThresholdOverride.ReasonMaxLength)
            : null;
    }
}
