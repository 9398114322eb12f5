namespace Xinke.Kernel.Files;

/// <summary>The S3-compatible object store (<c>Xinke:Files:S3</c>), used when <c>Xinke:Files:Store</c> is <c>s3</c>.</summary>
public sealed class S3StoreOptions
{
    public const string Section = FilesOptions.Section + ":S3";

    /// <summary>The store's endpoint, e.g. <c>http://minio:9000</c>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The signing region; compatible stores mostly accept the default.</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    /// <summary>Never logged nor named in messages.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Addresses objects as <c>/{bucket}/{key}</c> rather than by bucket host name, as most compatible stores expect.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Put before every object key (e.g. <c>xinke/</c>) when the bucket is shared with other data.</summary>
    public string? Prefix { get; set; }

    public override string ToString() => $"S3 store {ServiceUrl} bucket {Bucket}";
}
