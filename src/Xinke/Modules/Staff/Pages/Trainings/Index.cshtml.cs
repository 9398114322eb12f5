using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Identity;
using Xinke.Modules.Staff.Trainings;
using Xinke.Modules.Systems;

namespace Xinke.Modules.Staff.Pages.Trainings;

/// <summary>The training register: sessions with their filters and exports; each leads to its attendance.</summary>
[RequirePermission(StaffPermissions.TrainingsRead)]
public sealed class IndexModel(TrainingService trainings, InformationSystems systems, CurrentCaller current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public TrainingKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<TrainingSessionDto> Sessions { get; private set; } = new([], null);

    public IReadOnlyDictionary<long, string> SystemNames { get; private set; } = new Dictionary<long, string>();

    public string Query { get; private set; } = string.Empty;

    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanWrite = (await current.GetAsync(cancellationToken))?.Has(StaffPermissions.TrainingsWrite) == true;
        var query = TrainingsApi.QuerySessions(trainings, new SessionFilter(Kind?.ToString(), null, From, To), Q);
        if (query.Succeeded)
        {
            var request = new ListRequest(Cursor: Cursor);
            var page = await TrainingsApi.Sessions.PageAsync(query.Value!, request, TrainingSessionDto.From, cancellationToken);
            if (!page.Succeeded)
            {
                Cursor = null;
                page = await TrainingsApi.Sessions.PageAsync(query.Value!, request with { Cursor = null }, TrainingSessionDto.From, cancellationToken);
            }

            Sessions = page.Value!;
        }

        var ids = Sessions.Items.Where(s => s.SystemId is not null).Select(s => s.SystemId!.Value).Distinct().ToList();
        SystemNames = (await systems.FindManyAsync(ids, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        Query = QueryString.Create(new Dictionary<string, string?>
        {
            ["kind"] = Kind?.ToString(),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Q,
        }.Where(p => p.Value is not null)).ToString();
    }
}
