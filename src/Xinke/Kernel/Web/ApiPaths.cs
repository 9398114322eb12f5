namespace Xinke.Kernel.Web;

public static class ApiPaths
{
    public const string Prefix = "/api";

    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
    }
}
