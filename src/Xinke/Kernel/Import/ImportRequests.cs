namespace Xinke.Kernel.Import;

/// <summary>How an import endpoint reads its request: the mode, and what is left of a refused body.</summary>
public static class ImportRequests
{
    /// <summary>Strict unless the caller asks for lenient; anything else is refused.</summary>
    public static bool TryParseMode(string? mode, out ImportMode parsed)
    {
        parsed = ImportMode.Strict;
        return mode is null || (Enum.TryParse(mode, ignoreCase: true, out parsed) && Enum.IsDefined(parsed));
    }

    /// <summary>Reads the rest of a refused body (Kestrel bounds it), so the client hears the problem instead of a reset.</summary>
    public static Task DrainAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Body.CopyToAsync(Stream.Null, cancellationToken);
    }
}
