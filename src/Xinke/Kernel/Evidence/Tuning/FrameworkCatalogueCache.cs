using Microsoft.EntityFrameworkCore;
using Xinke.Data;

namespace Xinke.Kernel.Evidence.Tuning;

/// <summary>The frameworks the product starts from: the native one (shipped, or the hospital's own file) and the shipped mapped ones.</summary>
public sealed record ShippedFrameworkSet(RequirementCatalogue Native, IReadOnlyList<RequirementCatalogue> Mapped);

/// <summary>
/// The frameworks as the installation assesses them: the shipped ones, the imported ones (the newest
/// version of each code), each with the IT director's threshold overrides applied. Built once and
/// kept until an import or an override changes the stamp, so a request reads three figures, not
/// every framework file. Instances sharing a database each see a change at their next request.
/// </summary>
public sealed class FrameworkCatalogueCache(ShippedFrameworkSet shipped)
{
    private volatile Entry? current;

    /// <summary>The frameworks with overrides applied.</summary>
    public ComplianceFrameworks Current(XinkeDb db) => EntryFor(db).Frameworks;

    /// <summary>A framework as its file gives it, before any override: the "shipped value" shown beside an edit.</summary>
    public RequirementCatalogue? AsFiled(XinkeDb db, string code) => EntryFor(db).AsFiled.GetValueOrDefault(code);

    private Entry EntryFor(XinkeDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Stamp.Of(db);
        var seen = current;
        if (seen is not null && seen.Stamp == stamp)
        {
            return seen;
        }

        var built = Build(db, stamp);
        current = built;
        return built;
    }

    private Entry Build(XinkeDb db, Stamp stamp)
    {
        var imports = db.Set<ImportedFramework>().AsNoTracking()
            .Where(f => f.Version == db.Set<ImportedFramework>().Where(o => o.Code == f.Code).Max(o => o.Version))
            .OrderBy(f => f.Code).ToList();
        var asFiled = new Dictionary<string, RequirementCatalogue>(StringComparer.Ordinal) { [shipped.Native.Code] = shipped.Native };
        foreach (var framework in shipped.Mapped.Concat(imports.Select(i => RequirementCatalogue.Load(i.Content))))
        {
            asFiled[framework.Code] = framework;
        }

        var overrides = db.Set<ThresholdOverride>().AsNoTracking().ToList().ToLookup(o => o.FrameworkCode, StringComparer.Ordinal);
        RequirementCatalogue Tuned(RequirementCatalogue framework) => framework.WithThresholds(overrides[framework.Code].Select(o => (o.RequirementId, o.Name, o.Value)));
        var native = Tuned(shipped.Native);
        var frameworks = new ComplianceFrameworks(native, [.. asFiled.Values.Where(f => f.Code != native.Code).Select(Tuned)]);
        return new Entry(stamp, frameworks, asFiled);
    }

    private sealed record Entry(Stamp Stamp, ComplianceFrameworks Frameworks, IReadOnlyDictionary<string, RequirementCatalogue> AsFiled);

    /// <summary>What changes with every import and every override (rows are added or updated, never deleted).</summary>
    private sealed record Stamp(long LastImport, int Overrides, long OverrideVersions)
    {
        public static Stamp Of(XinkeDb db) => new(
            db.Set<ImportedFramework>().Max(f => (long?)f.Id) ?? 0,
            db.Set<ThresholdOverride>().Count(),
            db.Set<ThresholdOverride>().Sum(o => (long?)o.Version) ?? 0);
    }
}
