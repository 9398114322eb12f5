using Microsoft.Extensions.Localization;
using Xinke.Kernel;

namespace Xinke.Modules.Assets.Pages.Requests;

/// <summary>An error as the asset pages show it: the localised message, and the requirement it enforces as the API names it.</summary>
public static class PageErrors
{
    public static string Message(IStringLocalizer<SharedResource> localizer, Error error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        var message = localizer[error.Code, error.Arguments].Value;
        return error.RequirementId is null ? message : $"{message} ({error.RequirementId})";
    }
}
