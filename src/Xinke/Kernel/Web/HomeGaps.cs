using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Web;

/// <summary>
/// A shortfall against a rule that the home page shows to whoever can act on it: a resource key
/// with its arguments (a count, a name), the requirement it breaks and the page that fixes it.
/// </summary>
public sealed record HomeGap(string RequirementId, string TextKey, string Href, params object[] Arguments);

/// <summary>What a module implements to show its gaps on the home page; registered with <c>AddHomeGapSource&lt;T&gt;()</c>.</summary>
public interface IHomeGapSource
{
    /// <summary>The gaps this caller should see (within their permissions and department scope); empty when none.</summary>
    Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken);
}

public static class HomeGapRegistration
{
    public static IServiceCollection AddHomeGapSource<T>(this IServiceCollection services)
        where T : class, IHomeGapSource
    {
        services.AddScoped<IHomeGapSource, T>();
        return services;
    }
}
