using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Net.Http.Headers;
using Xinke.Data;

namespace Xinke.Kernel.Web;

/// <summary>
/// Optimistic concurrency over HTTP: a record's version is its strong ETag; a write must name
/// the version it edits in <c>If-Match</c> (428 without, 412 when stale). The version is also
/// the concurrency token of the save, so a race between this check and the save is refused by
/// the database and answered 412 by <see cref="ApiExceptionHandler"/>.
/// </summary>
public static class Versioning
{
    public const string IfMatchRequired = "request.if_match_required";
    public const string StaleVersion = "request.stale_version";

    public static string ETagOf(long version) => $"\"{version}\"";

    public static void SetETag(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETagOf(version);
    }

    public static Error? Expect<T>(HttpRequest request, EntityEntry<T> entry)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entry);
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return new Error(IfMatchRequired, ErrorKind.PreconditionRequired);
        }

        if (!EntityTagHeaderValue.TryParseList(ifMatch, out var tags)
            || tags.Count != 1
            || tags[0].IsWeak
            || tags[0].Tag.Value != ETagOf(entry.Entity.Version))
        {
            return new Error(StaleVersion, ErrorKind.PreconditionFailed);
        }

        return null;
    }
}
