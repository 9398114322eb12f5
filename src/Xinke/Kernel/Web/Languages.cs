using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Xinke.Kernel.Web;

/// <summary>
/// Chinese by default, English by choice. Pages follow the language cookie (a person's
/// choice, not the browser's setting); the API follows <c>Accept-Language</c>.
/// </summary>
public static class Languages
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";
    public static readonly string[] Supported = [Chinese, English];

    public static IServiceCollection AddXinkeLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new ApiAwareCultureProvider(new AcceptLanguageHeaderRequestCultureProvider(), new CookieRequestCultureProvider()),
            ];
        });
        return services;
    }

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    private sealed class ApiAwareCultureProvider(IRequestCultureProvider api, IRequestCultureProvider pages) : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            ApiPaths.IsApi(httpContext.Request) ? api.DetermineProviderCultureResult(httpContext) : pages.DetermineProviderCultureResult(httpContext);
    }
}
