using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Tuning;
using Xinke.Kernel.Identity;

namespace Xinke.Pages.Compliance;

/// <summary>
/// One rule: its words, source and thresholds with their citations, its status and records for the
/// period, its month-by-month trend, and the rules of other frameworks it proves or is proved by.
/// The IT director sets a threshold here; an override shows who, when, why and the value filed.
/// </summary>
[RequirePermission(EvidencePermissions.Read)]
public sealed class RequirementModel(
    ComplianceReports reports, ComplianceFrameworks frameworks, FrameworkTuning tuning, FrameworkCatalogueCache cache, CurrentCaller current, HospitalClock hospital, IStringLocalizer<SharedResource> text, XinkeDb db) : PageModel
{
    [BindProperty]
    public ThresholdForm Edit { get; set; } = new();

    public IReadOnlyList<ThresholdStateDto> Thresholds { get; private set; } = [];

    public long ThresholdsVersion { get; private set; }

    public IReadOnlyDictionary<long, string> Editors { get; private set; } = new Dictionary<long, string>();

    public bool CanTune { get; private set; }

    public string? Problem { get; private set; }

    public string Local(DateTime utc) => hospital.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostThresholdAsync(string id, CancellationToken cancellationToken)
    {
        if (!(await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Frameworks))
        {
            return Forbid();
        }

        var values = Edit.Name is null || Edit.Value is not { } value ? null : new Dictionary<string, double>(StringComparer.Ordinal) { [Edit.Name] = value };
        var edited = await tuning.OverrideAsync(Framework, id, new ThresholdEdit(values, Edit.Reason), version => version == Edit.Version ? null : new Error(Kernel.Web.Versioning.StaleVersion, ErrorKind.PreconditionFailed), cancellationToken);
        if (edited.Succeeded)
        {
            return Redirect($"/compliance/requirements/{Uri.EscapeDataString(id)}?framework={Uri.EscapeDataString(Framework)}");
        }

        if (edited.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Problem = text[edited.Error.Code, edited.Error.Arguments].Value;
        var tuned = cache.Current(db);
        return await ShowAsync(id, tuned, cancellationToken);
    }

    [BindProperty(SupportsGet = true)]
    public string Framework { get; set; } = RequirementCatalogue.NativeCode;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? DepartmentId { get; set; }

    public ComplianceFilter Filter { get; private set; } = null!;

    public RequirementCatalogue Catalogue { get; private set; } = null!;

    public Requirement Requirement { get; private set; } = null!;

    public ComplianceItemDto? Item { get; private set; }

    public IReadOnlyList<ComplianceMonth> Trend { get; private set; } = [];

    /// <summary>For a native rule, the items of mapped frameworks its records also prove.</summary>
    public IReadOnlyList<(RequirementCatalogue Framework, Requirement Requirement)> Proves { get; private set; } = [];

    /// <summary>For a mapped rule, the native rules that prove it, each with its own status.</summary>
    public IReadOnlyList<(Requirement Requirement, ComplianceItemDto Item)> ProvedBy { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => ShowAsync(id, frameworks, cancellationToken);

    private async Task<IActionResult> ShowAsync(string id, ComplianceFrameworks tuned, CancellationToken cancellationToken)
    {
        if (tuned.Find(Framework) is not { } catalogue || catalogue.Find(id) is not { } requirement)
        {
            return NotFound();
        }

        Catalogue = catalogue;
        Requirement = requirement;
        var overrides = await tuning.OverridesAsync(catalogue.Code, requirement.Id, cancellationToken);
        Thresholds = FrameworkTuningApi.States(catalogue, cache.AsFiled(db, catalogue.Code) ?? catalogue, requirement, overrides, CultureInfo.CurrentUICulture);
        ThresholdsVersion = FrameworkTuning.VersionOf(overrides);
        var editors = overrides.Select(o => o.EditedById).ToList();
        Editors = await db.Set<Xinke.Kernel.Identity.Account>().AsNoTracking().Where(a => editors.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
        CanTune = (await current.GetAsync(cancellationToken))!.Has(EvidencePermissions.Frameworks);
        Filter = await ComplianceFilter.SettleAsync(Framework, From, To, DepartmentId, reports, frameworks, db, cancellationToken);
        var report = await reports.BuildAsync(Filter.Framework, Filter.From, Filter.To, Filter.DepartmentId, cancellationToken, [id]);
        if (report.Value is null)
        {
            return NotFound();
        }

        Item = report.Value.Items.Single(i => i.RequirementId == id);
        Trend = (await reports.TrendAsync(Filter.Framework, id, Filter.To, IndexModel.TrendMonths, Filter.DepartmentId, cancellationToken)).Value ?? [];
        if (catalogue == frameworks.Native)
        {
            Proves = [.. frameworks.ProvedBy(id)];
        }
        else
        {
            var native = frameworks.Native;
            var proving = requirement.EvidencedBy!.Requirements;
            var nativeReport = (await reports.BuildAsync(native.Code, Filter.From, Filter.To, Filter.DepartmentId, cancellationToken, proving)).Value!;
            ProvedBy = [.. nativeReport.Items.Select(i => (native.Find(i.RequirementId)!, i))];
        }

        return Page();
    }

    public sealed class ThresholdForm
    {
        public string? Name { get; set; }

        public double? Value { get; set; }

        public string? Reason { get; set; }

        public long Version { get; set; }
    }
}
