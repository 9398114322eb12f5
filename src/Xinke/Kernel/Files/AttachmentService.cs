using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Files;

/// <summary>An attachment's content, verified against its hash; the caller disposes the stream.</summary>
public sealed record AttachmentContent(Attachment Attachment, Stream Content);

/// <summary>
/// The attachments use cases. They check the file, not the caller: the API and pages ask the
/// owner's <see cref="IAttachmentOwnerPolicy"/> first, and a module calling
/// <see cref="AddAsync"/> inside its own use case has authorised that use case already.
/// </summary>
public sealed class AttachmentService(
    XinkeDb db,
    IFileStore store,
    FileCipher cipher,
    AttachmentOwners owners,
    DataFolder dataFolder,
    ActorAccessor actors,
    AuditLog audit,
    TimeProvider clock,
    IOptions<FilesOptions> options,
    ILogger<AttachmentService> logger)
{
    public const string DownloadAction = "attachment.download";

    /// <summary>
    /// Checks and stores a file and records it as an attachment of the owner. Joins the caller's
    /// transaction when one is open. The bytes are stored before the row is written, so a row
    /// never names a missing file (a failed save leaves at worst an unreferenced stored file).
    /// </summary>
    public async Task<Result<Attachment>> AddAsync(string ownerType, long ownerId, string? fileName, Stream content, string? description, long? replacesId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!owners.Knows(ownerType) || ownerId <= 0)
        {
            return Error.NotFound(AttachmentErrors.NotFound);
        }

        if (description is { Length: > Attachment.DescriptionMaxLength })
        {
            return Error.Invalid(AttachmentErrors.InvalidDescription, "description", Attachment.DescriptionMaxLength);
        }

        if (replacesId is not null)
        {
            var previous = await db.Set<Attachment>().AsNoTracking()
                .Where(a => a.Id == replacesId)
                .Select(a => new { a.OwnerType, a.OwnerId })
                .SingleOrDefaultAsync(cancellationToken);
            if (previous is null || previous.OwnerType != ownerType || previous.OwnerId != ownerId)
            {
                return Error.Invalid(AttachmentErrors.InvalidReplaces, "replaces");
            }

            if (await db.Set<Attachment>().AnyAsync(a => a.ReplacesId == replacesId, cancellationToken))
            {
                return Error.Conflict(AttachmentErrors.AlreadyReplaced);
            }
        }

        var name = FileNames.Sanitize(fileName);
        var staged = await StageAsync(content, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Error!;
        }

        await using var upload = staged.Value!;
        var contentType = FileTypes.Judge(upload.File, name);
        if (contentType is null)
        {
            logger.LogWarning("Refused an upload for {OwnerType} {OwnerId}: its content is not an allowed type", ownerType, ownerId);
            return Error.Invalid(AttachmentErrors.TypeNotAllowed, "file");
        }

        // The current key is read once: the storage key, the seal and the record name the same key even if it rotates meanwhile.
        var keyId = cipher.EncryptsNewFiles ? cipher.KeyId : null;
        var encrypted = keyId is not null;
        var storageKey = cipher.StorageKeyOf(upload.Sm3, keyId);
        if (!await store.ExistsAsync(storageKey, cancellationToken))
        {
            upload.File.Position = 0;
            if (keyId is not null)
            {
                await using var sealedFile = NewStagingFile();
                await cipher.EncryptAsync(upload.File, sealedFile, storageKey, keyId, cancellationToken);
                sealedFile.Position = 0;
                await store.SaveAsync(storageKey, sealedFile, cancellationToken);
            }
            else
            {
                await store.SaveAsync(storageKey, upload.File, cancellationToken);
            }
        }

        var actor = actors.Current;
        var attachment = new Attachment
        {
            OwnerType = ownerType,
            OwnerId = ownerId,
            FileName = name,
            ContentType = contentType,
            Size = upload.Size,
            Sm3 = upload.Sm3,
            StorageKey = storageKey,
            Encrypted = encrypted,
            KeyId = keyId,
            UploadedById = actor.Id,
            UploadedBy = actor.Name,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            ReplacesId = replacesId,
        };
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            db.Add(attachment);
            await db.SaveChangesAsync(cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateException) when (replacesId is not null)
        {
            // Another upload replaced the same version between the check above and this save.
            db.Entry(attachment).State = EntityState.Detached;
            if (owned is not null)
            {
                await owned.RollbackAsync(CancellationToken.None);
            }

            if (await db.Set<Attachment>().AsNoTracking().AnyAsync(a => a.ReplacesId == replacesId, CancellationToken.None))
            {
                return Error.Conflict(AttachmentErrors.AlreadyReplaced);
            }

            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }

        logger.LogInformation("Attachment {AttachmentId} ({ContentType}, {Size} bytes) added to {OwnerType} {OwnerId}", attachment.Id, contentType, upload.Size, ownerType, ownerId);
        return attachment;
    }

    public Task<Attachment?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>A record's attachments, oldest first, voided and replaced ones included.</summary>
    public async Task<IReadOnlyList<Attachment>> ListAsync(string ownerType, long ownerId, CancellationToken cancellationToken) =>
        await Of(ownerType, ownerId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public IQueryable<Attachment> Of(string ownerType, long ownerId) =>
        db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerType == ownerType && a.OwnerId == ownerId);

    /// <summary>
    /// The content, decrypted and checked against the recorded SM3 before a byte is handed out.
    /// A mismatch is damage or tampering, not an expected failure: it throws.
    /// </summary>
    public async Task<Result<AttachmentContent>> OpenReadAsync(long id, CancellationToken cancellationToken)
    {
        var attachment = await FindAsync(id, cancellationToken);
        if (attachment is null)
        {
            return Error.NotFound(AttachmentErrors.NotFound);
        }

        Stream content;
        if (attachment.Encrypted)
        {
            content = NewStagingFile();
            try
            {
                await using (var sealedData = await store.OpenReadAsync(attachment.StorageKey, cancellationToken))
                {
                    await cipher.DecryptAsync(sealedData, content, attachment.StorageKey, attachment.KeyId, cancellationToken);
                }

                content.Position = 0;
            }
            catch
            {
                await content.DisposeAsync();
                throw;
            }
        }
        else
        {
            content = await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        }

        try
        {
            var hash = await Sm3Hasher.OfAsync(content, cancellationToken);
            if (hash != attachment.Sm3)
            {
                throw new InvalidDataException($"Attachment {attachment.Id}: the stored file {attachment.StorageKey} no longer matches its SM3 hash.");
            }

            content.Position = 0;
            return new AttachmentContent(attachment, content);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records that the caller downloaded an attachment (who read which evidence, when).</summary>
    public Task RecordDownloadAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return audit.RecordAsync(DownloadAction, AuditOutcome.Success, cancellationToken, nameof(Attachment), attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Marks an attachment void with a reason; it stays stored and listed.</summary>
    public async Task<Result<Attachment>> VoidAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        var attachment = await db.Set<Attachment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return Error.NotFound(AttachmentErrors.NotFound);
        }

        if (attachment.Void(reason, actors.Current.Id, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    private async Task<Result<StagedUpload>> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxBytes;
        var file = NewStagingFile();
        try
        {
            var hasher = new Sm3Hasher();
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > max)
                {
                    await file.DisposeAsync();
                    return new Error(AttachmentErrors.TooLarge, ErrorKind.TooLarge, "file", null, FormatMegabytes(max));
                }

                hasher.Append(buffer.AsSpan(0, read));
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (size == 0)
            {
                await file.DisposeAsync();
                return Error.Invalid(AttachmentErrors.Empty, "file");
            }

            await file.FlushAsync(cancellationToken);
            return new StagedUpload(file, size, hasher.HexDigest());
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static string FormatMegabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private FileStream NewStagingFile() => StagingFile.Create(dataFolder.PathOf("tmp", "files"));

    private sealed record StagedUpload(FileStream File, long Size, string Sm3) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => File.DisposeAsync();
    }
}
