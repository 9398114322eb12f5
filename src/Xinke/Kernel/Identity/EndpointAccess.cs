using Microsoft.AspNetCore.Authorization;

namespace Xinke.Kernel.Identity;

/// <summary>How endpoints declare who may call them.</summary>
public static class EndpointAccess
{
    /// <summary>Only callers holding <paramref name="permission"/> (404 rules for department scope apply inside).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(permission))
            .Build());

    /// <summary>Callable by a session that still owes a password change or an MFA enrolment.</summary>
    public static TBuilder AllowDuringSetup<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowDuringSetupAttribute());

    /// <summary>Only for a person at a browser, not for a personal access token (tokens cannot mint tokens or change credentials).</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequireSessionAttribute());
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowDuringSetupAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireSessionAttribute : Attribute;
