using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Xinke.Kernel.Files;

/// <summary>Where attachments are kept and how (<c>Xinke:Files</c>).</summary>
public sealed class FilesOptions
{
    public const string Section = "Xinke:Files";
    public const string FolderStore = "folder";
    public const string S3Store = "s3";

    /// <summary>The largest attachment accepted, in bytes (50 MiB by default); larger is a 413 problem.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>
    /// The file store: <c>folder</c>, a local folder or a share several instances mount, or
    /// <c>s3</c>, an S3-compatible bucket (<see cref="S3"/>). Any other name stops the start.
    /// </summary>
    public string Store { get; set; } = FolderStore;

    /// <summary>The folder store's root; <c>files</c> in the data folder when empty.</summary>
    public string? Folder { get; set; }

    public S3StoreOptions S3 { get; set; } = new();

    public FileEncryptionOptions Encryption { get; set; } = new();
}

/// <summary>Encryption at rest (SM4-GCM): the key comes from settings or a key file, never from the database.</summary>
public sealed class FileEncryptionOptions
{
    /// <summary>New attachments are stored encrypted. Files stored before keep their state.</summary>
    public bool Enabled { get; set; }

    /// <summary>The 16-byte SM4 key, base64.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key, base64 (readable by the service account only).</summary>
    public string? KeyFile { get; set; }
}

/// <summary>Refuses at start an unknown store, an S3 store missing a setting, and encryption without a usable key.</summary>
public sealed class FilesOptionsValidator : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.Equals(options.Store, FilesOptions.S3Store, StringComparison.OrdinalIgnoreCase))
        {
            failures.AddRange(S3Failures(options.S3));
        }
        else if (!string.Equals(options.Store, FilesOptions.FolderStore, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Xinke:Files:Store '{options.Store}' is not available in this version; use 'folder' (a local folder, or a shared folder for several instances) or 's3' (an S3-compatible bucket).");
        }

        var encryption = options.Encryption;
        if (!string.IsNullOrWhiteSpace(encryption.Key) && !string.IsNullOrWhiteSpace(encryption.KeyFile))
        {
            failures.Add("Xinke:Files:Encryption: set Key or KeyFile, not both.");
        }
        else if (encryption.Enabled || !string.IsNullOrWhiteSpace(encryption.Key) || !string.IsNullOrWhiteSpace(encryption.KeyFile))
        {
            try
            {
                if (FileCipher.LoadKey(encryption) is null)
                {
                    failures.Add("Xinke:Files:Encryption:Enabled needs Key or KeyFile.");
                }
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Names the missing settings only: a message never carries a key's value.</summary>
    private static IEnumerable<string> S3Failures(S3StoreOptions s3)
    {
        if (!Uri.TryCreate(s3.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{S3StoreOptions.Section}:ServiceUrl needs the store's http(s) address (e.g. http://minio:9000) when Xinke:Files:Store is 's3'.";
        }

        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            yield return $"{S3StoreOptions.Section}:Bucket needs the bucket name when Xinke:Files:Store is 's3'.";
        }

        if (string.IsNullOrWhiteSpace(s3.AccessKey))
        {
            yield return $"{S3StoreOptions.Section}:AccessKey is required when Xinke:Files:Store is 's3'.";
        }

        if (string.IsNullOrWhiteSpace(s3.SecretKey))
        {
            yield return $"{S3StoreOptions.Section}:SecretKey is required when Xinke:Files:Store is 's3'.";
        }
    }
}
