using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Files;

/// <summary>Marks an endpoint (or page) that accepts an attachment: its body may be as large as an attachment.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadAttribute : Attribute;

/// <summary>
/// Kestrel's body limit stays small (JSON and forms, <c>Xinke:Http:MaxRequestBodyBytes</c>) except
/// on upload endpoints, which accept <c>Xinke:Files:MaxBytes</c> plus the multipart envelope.
/// An upload over the attachment limit is refused by the service (413 <c>attachments.too_large</c>);
/// a body beyond the envelope is cut off by Kestrel (413 <c>request.too_large</c>).
/// </summary>
public static class UploadLimits
{
    /// <summary>Room for the multipart boundaries, part headers and the small text fields around the file.</summary>
    public const long EnvelopeBytes = 256 * 1024;

    public static long BodyLimit(FilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxBytes + EnvelopeBytes;
    }

    /// <summary>Runs after routing (the endpoint is known) and before anything reads the body.</summary>
    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadAttribute>() is not null
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = BodyLimit(context.RequestServices.GetRequiredService<IOptions<FilesOptions>>().Value);
        }

        await next(context);
    });
}
