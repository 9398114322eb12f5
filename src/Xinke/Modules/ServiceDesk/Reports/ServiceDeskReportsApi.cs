using Microsoft.AspNetCore.Http.HttpResults;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Kernel.Web.Export;

namespace Xinke.Modules.ServiceDesk.Reports;

/// <summary>The service desk's reports: <c>/api/v1/servicedesk/reports</c>.</summary>
public static class ServiceDeskReportsApi
{
    public static readonly ExportColumn<ReportLine>[] Columns =
    [
        new("report.section", l => l.Section),
        new("report.label", l => l.Label),
        new("report.detail", l => l.Detail),
        new("report.value", l => l.Value),
    ];

    public static WebApplication MapServiceDeskReportsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/servicedesk/reports").WithTags("Service desk reports");
        group.MapGet("/", GetAsync).RequirePermission(ServiceDeskPermissions.Reports).WithName("GetServiceDeskReport").WithSummary("Volume by week or month and kind, SLA attainment, backlog age, top categories and systems, and per engineer, for a period.");
        group.MapGet("/export", ExportAsync).RequirePermission(ServiceDeskPermissions.Reports).WithName("ExportServiceDeskReport").WithSummary("The same report as lines (xlsx or csv).");
        return app;
    }

    /// <summary>Category names follow the request's language.</summary>
    public static bool IsEnglish => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static async Task<Results<Ok<ServiceDeskReport>, ProblemHttpResult>> GetAsync([AsParameters] ReportQuery query, ServiceDeskReports reports, HttpContext http, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(query, IsEnglish, cancellationToken);
        return report.Succeeded ? TypedResults.Ok(report.Value) : ApiProblems.From(http, report.Error!);
    }

    private static async Task<IResult> ExportAsync([AsParameters] ReportQuery query, string? format, ServiceDeskReports reports, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = ExportFormats.Parse(format);
        if (!parsed.Succeeded)
        {
            return ApiProblems.From(http, parsed.Error!);
        }

        var report = await reports.BuildAsync(query, IsEnglish, cancellationToken);
        return report.Succeeded
            ? new ExportResult<ReportLine>(ServiceDeskReports.Lines(report.Value!).ToAsyncEnumerable(), Columns, parsed.Value, "servicedesk-report")
            : ApiProblems.From(http, report.Error!);
    }
}
