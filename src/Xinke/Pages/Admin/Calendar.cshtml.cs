using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Xinke.Kernel;
using Xinke.Kernel.Calendar;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;

namespace Xinke.Pages.Admin;

/// <summary>
/// The business calendar: the hospital's time zone, the holiday years observed, and for the IT
/// director a form to paste a year in the shipped file's shape when the State Council publishes it.
/// </summary>
[RequirePermission(CalendarPermissions.Read)]
public sealed class CalendarModel(HolidayYears years, CurrentCaller current, IOptions<HospitalOptions> hospital, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public string? Arrangement { get; set; }

    /// <summary>The version of the stored year the form was filled from; a save over a newer one is refused.</summary>
    [BindProperty]
    public long? ExpectedVersion { get; set; }

    public string TimeZone => hospital.Value.TimeZone;

    public IReadOnlyList<HolidayYearView> Years { get; private set; } = [];

    public bool CanWrite { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Year is { } year && Years.FirstOrDefault(y => y.Year.Year == year) is { } existing)
        {
            Arrangement = JsonSerializer.Serialize(new { holidays = existing.Year.Holidays, workingDays = existing.Year.WorkingDays }, Indented);
            ExpectedVersion = existing.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await current.GetAsync(cancellationToken))?.Has(CalendarPermissions.Write) != true)
        {
            return Forbid();
        }

        HolidayYearInput? input = null;
        try
        {
            input = string.IsNullOrWhiteSpace(Arrangement) ? null : JsonSerializer.Deserialize<HolidayYearInput>(Arrangement, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            input = null;
        }

        if (input is null || Year is null)
        {
            ModelState.AddModelError(nameof(Arrangement), localizer[CalendarErrors.InvalidContent]);
        }
        else
        {
            var saved = await years.SaveAsync(Year.Value, input.Holidays, input.WorkingDays, row => row is not null && row.Version != ExpectedVersion ? new Error(Versioning.StaleVersion, ErrorKind.PreconditionFailed) : null, cancellationToken);
            if (!saved.Succeeded)
            {
                ModelState.AddModelError(nameof(Arrangement), localizer[saved.Error!.Code, saved.Error.Arguments]);
            }
            else
            {
                Saved = true;
                ExpectedVersion = saved.Value!.Version;
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(CalendarPermissions.Write) == true;
        Years = await years.ListAsync(cancellationToken);
    }
}
