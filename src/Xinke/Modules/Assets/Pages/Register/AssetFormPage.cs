using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Xinke.Kernel;
using Xinke.Modules.Assets.Pages.Requests;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;

namespace Xinke.Modules.Assets.Pages.Register;

/// <summary>
/// What the create and edit pages share: the form, its choices (types, departments, statuses), the
/// person looked up by employee number, and each refusal shown next to the field it is about.
/// </summary>
public abstract class AssetFormPage(AssetRegister register, PeopleDirectory people, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public AssetForm Form { get; set; } = new();

    public IReadOnlyList<AssetType> Types { get; private set; } = [];

    public IReadOnlyDictionary<long, string> Departments { get; private set; } = new Dictionary<long, string>();

    /// <summary>The statuses the form offers: any but scrapped at creation, the store and use on edit.</summary>
    public IReadOnlyList<AssetStatus> Statuses { get; protected set; } = [];

    public abstract bool Editing { get; }

    protected IStringLocalizer<SharedResource> Localizer => localizer;

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Types = [.. (await register.TypesAsync(cancellationToken)).Where(t => t.Active || t.Id == Form.TypeId)];
        Departments = await register.DepartmentNamesAsync(cancellationToken);
    }

    /// <summary>The responsible person's id for the employee number on the form; false (with the field's error) when nobody has it.</summary>
    protected async Task<(bool Found, long? PersonId)> ResponsibleAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Form.ResponsibleEmployeeNumber))
        {
            return (true, null);
        }

        var number = Form.ResponsibleEmployeeNumber.Trim();
        if ((await people.IdsByEmployeeNumberAsync([number], cancellationToken)).TryGetValue(number, out var id))
        {
            return (true, id);
        }

        ModelState.AddModelError($"{nameof(Form)}.{nameof(AssetForm.ResponsibleEmployeeNumber)}", localizer[AssetErrors.UnknownPerson]);
        return (false, null);
    }

    /// <summary>Shows a refusal next to its field (the form's name for it), or above the form.</summary>
    protected void Show(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var key = error.Field switch
        {
            null => string.Empty,
            "responsiblePersonId" => $"{nameof(Form)}.{nameof(AssetForm.ResponsibleEmployeeNumber)}",
            var field => $"{nameof(Form)}.{char.ToUpperInvariant(field[0])}{field[1..]}",
        };
        ModelState.AddModelError(key, PageErrors.Message(localizer, error));
    }
}
