using Microsoft.AspNetCore.Authorization;

namespace Xinke.Kernel.Identity;

/// <summary>An endpoint's demand for one permission; met per request from the caller's current rights.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler(CurrentCaller current) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        var caller = await current.GetAsync(CancellationToken.None);
        if (caller is not null && caller.Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
