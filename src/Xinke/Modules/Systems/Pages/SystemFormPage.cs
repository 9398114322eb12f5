using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Departments;

namespace Xinke.Modules.Systems.Pages;

/// <summary>What the new and edit pages share: the form, the departments to choose from, and errors shown at their fields.</summary>
public abstract class SystemFormPage(XinkeDb db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public SystemForm Form { get; protected set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    /// <summary>The first error of a field (the API's field names, in any case), or null.</summary>
    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected async Task LoadDepartmentsAsync(CancellationToken cancellationToken) =>
        Departments = await db.Set<Department>().AsNoTracking().Where(d => d.Kind != DepartmentKind.Ward).OrderBy(d => d.Path).ToListAsync(cancellationToken);

    /// <summary>Shows a refusal at its field (or above the form), naming the requirement it enforces.</summary>
    protected void Show(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = localizer[error.Code, error.Arguments].Value;
        if (error.RequirementId is not null)
        {
            message = $"{message} ({error.RequirementId})";
        }

        ModelState.AddModelError(error.Field ?? string.Empty, message);
    }
}
