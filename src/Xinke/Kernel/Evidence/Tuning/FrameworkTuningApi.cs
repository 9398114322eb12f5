using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Evidence.Tuning;

public sealed record ImportedFrameworkDto(string Code, int Version, string DeclaredVersion, int Requirements, long ImportedById, DateTime ImportedAt);

/// <summary>A rule's threshold as it counts now, and where an override replaced the file's value, who, when, why and the value filed.</summary>
public sealed record ThresholdStateDto(string Name, double Value, string? Citation, double FiledValue, long? EditedById, DateTime? EditedAt, string? Reason);

/// <summary>
/// Import of further frameworks and edits of a rule's thresholds and frequencies: the IT director's
/// (<c>compliance.frameworks</c>). A framework file is sent as the request body (JSON) or as the
/// <c>file</c> field of a multipart form.
/// </summary>
public static class FrameworkTuningApi
{
    public static WebApplication MapFrameworkTuningApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/compliance/frameworks").WithTags("Compliance");
        group.MapPost("/", ImportAsync).RequirePermission(EvidencePermissions.Frameworks)
            .WithName("ImportFramework").WithSummary("Import a framework file (same format as the shipped ones); a re-import of a code is a new version.");
        group.MapGet("/{code}/requirements/{id}/thresholds", ThresholdsAsync).RequirePermission(EvidencePermissions.Read)
            .WithName("GetRequirementThresholds").WithSummary("A rule's thresholds as they count now, with any override beside the value filed.");
        group.MapPatch("/{code}/requirements/{id}/thresholds", EditAsync).RequirePermission(EvidencePermissions.Frameworks)
            .WithName("EditRequirementThresholds").WithSummary("Set a rule's thresholds or frequencies (If-Match), with the reason.");
        return app;
    }

    /// <summary>The thresholds of a rule as they count, each beside its filed value and its override.</summary>
    public static IReadOnlyList<ThresholdStateDto> States(RequirementCatalogue framework, RequirementCatalogue filed, Requirement requirement, IReadOnlyList<ThresholdOverride> overrides, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(filed);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(overrides);
        return [.. requirement.OwnThresholds.Keys.Union(framework.DefaultThresholds.Keys).Order(StringComparer.Ordinal).Select(name =>
        {
            var now = framework.ThresholdOf(requirement.Id, name);
            var edit = overrides.FirstOrDefault(o => o.Name == name);
            var filedValue = filed.Contains(requirement.Id) ? filed.ThresholdOf(requirement.Id, name).Value : now.Value;
            return new ThresholdStateDto(name, now.Value, now.Citation?.For(culture), filedValue, edit?.EditedById, edit?.EditedAt, edit?.Reason);
        })];
    }

    private static async Task<Results<Created<ImportedFrameworkDto>, ProblemHttpResult>> ImportAsync(FrameworkTuning tuning, HttpContext http, CancellationToken cancellationToken)
    {
        Stream file;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            if (form.Files.GetFile("file") is not { Length: > 0 } upload)
            {
                return ApiProblems.From(http, Error.Invalid(FrameworkTuningErrors.FileRequired, "file"));
            }

            file = upload.OpenReadStream();
        }
        else
        {
            file = http.Request.Body;
        }

        await using (file)
        {
            var imported = await tuning.ImportAsync(file, cancellationToken);
            if (!imported.Succeeded)
            {
                return ApiProblems.From(http, imported.Error!);
            }

            var framework = RequirementCatalogue.Load(imported.Value!.Content);
            var dto = new ImportedFrameworkDto(imported.Value.Code, imported.Value.Version, imported.Value.DeclaredVersion, framework.Requirements.Count, imported.Value.ImportedById, imported.Value.ImportedAt);
            return TypedResults.Created($"/api/v1/compliance/requirements?framework={Uri.EscapeDataString(dto.Code)}", dto);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<ThresholdStateDto>>, ProblemHttpResult>> ThresholdsAsync(
        string code, string id, FrameworkTuning tuning, FrameworkCatalogueCache cache, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        if (cache.Current(db).Find(code) is not { } framework || framework.Find(id) is not { } requirement)
        {
            return ApiProblems.From(http, Error.NotFound(ComplianceReports.RequirementNotFound));
        }

        var overrides = await tuning.OverridesAsync(framework.Code, requirement.Id, cancellationToken);
        Versioning.SetETag(http.Response, FrameworkTuning.VersionOf(overrides));
        return TypedResults.Ok(States(framework, cache.AsFiled(db, framework.Code) ?? framework, requirement, overrides, CultureInfo.CurrentUICulture));
    }

    private static async Task<Results<Ok<IReadOnlyList<ThresholdStateDto>>, ProblemHttpResult>> EditAsync(
        string code, string id, ThresholdEdit edit, FrameworkTuning tuning, FrameworkCatalogueCache cache, XinkeDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var edited = await tuning.OverrideAsync(code, id, edit, version => Expect(http.Request, version), cancellationToken);
        return edited.Succeeded ? await ThresholdsAsync(code, id, tuning, cache, db, http, cancellationToken) : ApiProblems.From(http, edited.Error!);
    }

    /// <summary>If-Match against the version of a rule's thresholds, as <see cref="Versioning.Expect{T}"/> does for an entity.</summary>
    public static Error? Expect(HttpRequest request, long version)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.IfMatch.Count == 0)
        {
            return new Error(Versioning.IfMatchRequired, ErrorKind.PreconditionRequired);
        }

        return EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) && tags.Count == 1 && !tags[0].IsWeak && tags[0].Tag.Value == Versioning.ETagOf(version)
            ? null
            : new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed);
    }
}
