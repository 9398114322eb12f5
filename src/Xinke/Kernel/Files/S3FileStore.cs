using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Xinke.Kernel.Files;

/// <summary>
/// A file store in an S3-compatible bucket (MinIO, Ceph, cloud object storage), shared by every
/// instance. Objects are content-addressed (<c>prefix + ab/cd/abcd…</c>) and never overwritten:
/// a put is whole or absent, and two instances putting the same key put the same bytes.
/// </summary>
public sealed class S3FileStore(IAmazonS3 client, string bucket, string? prefix, string stagingFolder) : IFileStore, IDisposable
{
    /// <summary>A client configured for S3-compatible stores, not only AWS.</summary>
    public static IAmazonS3 CreateClient(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,

            // SDK v4 otherwise sends aws-chunked trailing checksums that many compatible stores refuse.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task<bool> ExistsAsync(string storageKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = ObjectKeyOf(storageKey) }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task SaveAsync(string storageKey, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (await ExistsAsync(storageKey, cancellationToken))
        {
            return;
        }

        await client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = bucket,
                Key = ObjectKeyOf(storageKey),
                InputStream = content,
                AutoCloseStream = false,
                UseChunkEncoding = false,
                ContentType = "application/octet-stream",
            },
            cancellationToken);
    }

    /// <summary>A local, seekable copy: the caller re-hashes the content and then serves it from the start.</summary>
    public async Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        var key = ObjectKeyOf(storageKey);
        GetObjectResponse response;
        try
        {
            response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FileNotFoundException($"Nothing is stored under {key} in bucket {bucket}.", key, ex);
        }

        using (response)
        {
            var copy = StagingFile.Create(stagingFolder);
            try
            {
                await response.ResponseStream.CopyToAsync(copy, cancellationToken);
                copy.Position = 0;
                return copy;
            }
            catch
            {
                await copy.DisposeAsync();
                throw;
            }
        }
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken) =>
        client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = ObjectKeyOf(storageKey) }, cancellationToken);

    public string ObjectKeyOf(string storageKey) => prefix + StorageKeys.RelativePathOf(storageKey, '/');

    public void Dispose() => client.Dispose();
}
