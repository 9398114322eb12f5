using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Files;

public sealed record AttachmentDto(
    long Id,
    string OwnerType,
    long OwnerId,
    string FileName,
    string ContentType,
    long Size,
    string Sm3,
    bool Encrypted,
    string UploadedBy,
    DateTime UploadedAt,
    string? Description,
    long? ReplacesId,
    DateTime? VoidedAt,
    string? VoidReason)
{
    public static AttachmentDto From(Attachment a) =>
        new(a.Id, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sm3, a.Encrypted, a.UploadedBy, a.UploadedAt, a.Description, a.ReplacesId, a.VoidedAt, a.VoidReason);
}

public sealed record VoidInput(string? Reason);

/// <summary>
/// Attachments over HTTP. Who may do what is the owner type's policy: a record the caller cannot
/// see answers 404 for its attachments too. Uploads are <c>multipart/form-data</c> with the text
/// fields (<c>ownerType</c>, <c>ownerId</c>, <c>description</c>, <c>replaces</c>) before the
/// <c>file</c> part, so the caller is authorised before a byte of the file is stored.
/// </summary>
public static class AttachmentsApi
{
    public const string Path = "/api/v1/attachments";
    private const int FieldMaxChars = 2000;

    public static readonly ListDefinition<Attachment> List = new ListDefinition<Attachment>("attachments", a => a.Id, "id")
        .SortBy("id", a => a.Id)
        .SortBy("fileName", a => a.FileName);

    public static WebApplication MapAttachmentsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var attachments = app.MapGroup(Path).WithTags("Attachments").RequireAuthorization();
        attachments.MapPost("/", UploadAsync).WithMetadata(new UploadAttribute()).DisableAntiforgery()
            .WithName("UploadAttachment").WithSummary("Attach a file to a record (multipart: ownerType, ownerId, description, replaces, then file).");
        attachments.MapGet("/", ListAsync).WithName("ListAttachments").WithSummary("A record's attachments.");
        attachments.MapGet("/{id:long}", GetAsync).WithName("GetAttachment").WithSummary("An attachment's metadata.");
        attachments.MapGet("/{id:long}/content", DownloadAsync).WithName("DownloadAttachment").WithSummary("An attachment's content, checked against its SM3 hash.");
        attachments.MapPost("/{id:long}/void", VoidAsync).WithName("VoidAttachment").WithSummary("Void an attachment with a reason; it stays stored.");
        return app;
    }

    private static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> UploadAsync(HttpContext http, AttachmentService attachments, AttachmentOwners owners, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return ApiProblems.From(http, Error.Invalid(AttachmentErrors.MultipartRequired, "file"));
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (disposition.IsFileDisposition())
            {
                if (name == "file")
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    return await StoreAsync(http, attachments, owners, fields, fileName, section.Body, cancellationToken);
                }

                continue;
            }

            var value = await ReadFieldAsync(section.Body, cancellationToken);
            if (value is null)
            {
                return ApiProblems.From(http, Error.Invalid(AttachmentErrors.FieldTooLong, name, FieldMaxChars));
            }

            fields[name] = value;
        }

        return ApiProblems.From(http, Error.Invalid(AttachmentErrors.FileMissing, "file"));
    }

    private static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> StoreAsync(
        HttpContext http, AttachmentService attachments, AttachmentOwners owners, Dictionary<string, string> fields, string? fileName, Stream file, CancellationToken cancellationToken)
    {
        var ownerType = fields.GetValueOrDefault("ownerType");
        if (string.IsNullOrWhiteSpace(ownerType) || !long.TryParse(fields.GetValueOrDefault("ownerId"), NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId))
        {
            return ApiProblems.From(http, Error.Invalid(AttachmentErrors.InvalidOwner, "ownerId"));
        }

        long? replaces = null;
        if (fields.TryGetValue("replaces", out var replacesText) && !string.IsNullOrWhiteSpace(replacesText))
        {
            if (!long.TryParse(replacesText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return ApiProblems.From(http, Error.Invalid(AttachmentErrors.InvalidReplaces, "replaces"));
            }

            replaces = parsed;
        }

        if (await AccessProblemAsync(http, owners, ownerType, ownerId, AttachmentAccess.Attach, cancellationToken) is { } refused)
        {
            return refused;
        }

        var added = await attachments.AddAsync(ownerType, ownerId, fileName, file, fields.GetValueOrDefault("description"), replaces, cancellationToken);
        if (!added.Succeeded)
        {
            if (added.Error!.Kind == ErrorKind.TooLarge)
            {
                // Read the rest (Kestrel bounds it), so the client hears the answer instead of a reset.
                await http.Request.Body.CopyToAsync(Stream.Null, cancellationToken);
            }

            return ApiProblems.From(http, added.Error);
        }

        var attachment = added.Value!;
        return TypedResults.Created($"{Path}/{attachment.Id}", AttachmentDto.From(attachment));
    }

    private static async Task<Results<Ok<Page<AttachmentDto>>, ProblemHttpResult>> ListAsync(
        string? ownerType, long? ownerId, [AsParameters] ListRequest request, AttachmentService attachments, AttachmentOwners owners, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ownerType) || ownerId is null)
        {
            return ApiProblems.From(http, Error.Invalid(AttachmentErrors.InvalidOwner, "ownerId"));
        }

        if (await AccessProblemAsync(http, owners, ownerType, ownerId.Value, AttachmentAccess.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        var page = await List.PageAsync(attachments.Of(ownerType, ownerId.Value), request, AttachmentDto.From, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value) : ApiProblems.From(http, page.Error!);
    }

    private static async Task<Results<Ok<AttachmentDto>, ProblemHttpResult>> GetAsync(long id, AttachmentService attachments, AttachmentOwners owners, HttpContext http, CancellationToken cancellationToken)
    {
        var attachment = await attachments.FindAsync(id, cancellationToken);
        if (attachment is null)
        {
            return NotFound(http);
        }

        return await AccessProblemAsync(http, owners, attachment.OwnerType, attachment.OwnerId, AttachmentAccess.Read, cancellationToken) is { } refused
            ? refused
            : TypedResults.Ok(AttachmentDto.From(attachment));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(long id, AttachmentService attachments, AttachmentOwners owners, HttpContext http, CancellationToken cancellationToken)
    {
        var attachment = await attachments.FindAsync(id, cancellationToken);
        if (attachment is null)
        {
            return NotFound(http);
        }

        if (await AccessProblemAsync(http, owners, attachment.OwnerType, attachment.OwnerId, AttachmentAccess.Read, cancellationToken) is { } refused)
        {
            return refused;
        }

        var opened = await attachments.OpenReadAsync(id, cancellationToken);
        if (!opened.Succeeded)
        {
            return ApiProblems.From(http, opened.Error!);
        }

        await attachments.RecordDownloadAsync(attachment, cancellationToken);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(opened.Value!.Content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<Results<Ok<AttachmentDto>, ProblemHttpResult>> VoidAsync(long id, VoidInput input, AttachmentService attachments, AttachmentOwners owners, HttpContext http, CancellationToken cancellationToken)
    {
        var attachment = await attachments.FindAsync(id, cancellationToken);
        if (attachment is null)
        {
            return NotFound(http);
        }

        if (await AccessProblemAsync(http, owners, attachment.OwnerType, attachment.OwnerId, AttachmentAccess.Attach, cancellationToken) is { } refused)
        {
            return refused;
        }

        var voided = await attachments.VoidAsync(id, input?.Reason, cancellationToken);
        return voided.Succeeded ? TypedResults.Ok(AttachmentDto.From(voided.Value!)) : ApiProblems.From(http, voided.Error!);
    }

    /// <summary>404 when the caller cannot see the record (or its type has no policy), 403 when they see it but may not attach.</summary>
    private static async Task<ProblemHttpResult?> AccessProblemAsync(HttpContext http, AttachmentOwners owners, string ownerType, long ownerId, AttachmentAccess needed, CancellationToken cancellationToken)
    {
        var access = await owners.AccessAsync(ownerType, ownerId, cancellationToken);
        return access switch
        {
            AttachmentAccess.None => NotFound(http),
            AttachmentAccess.Read when needed == AttachmentAccess.Attach => ApiProblems.From(http, Error.Forbidden("request.forbidden")),
            _ => null,
        };
    }

    private static ProblemHttpResult NotFound(HttpContext http) => ApiProblems.From(http, Error.NotFound(AttachmentErrors.NotFound));

    /// <summary>A text field, or null when it is longer than any field of the form may be.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[FieldMaxChars + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return read > FieldMaxChars ? null : new string(buffer, 0, read);
    }
}
