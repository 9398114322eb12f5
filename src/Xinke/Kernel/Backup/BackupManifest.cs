using System.Text.Json;
using System.Text.Json.Serialization;

namespace Xinke.Kernel.Backup;

/// <summary>
/// What a backup holds, written as its last entry: where it came from (database kind and schema,
/// the audit chain's head, the ids of the field and file keys) and the SM3 of every entry, checked on verify and
/// restore.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string Provider,
    int? PostgresMajor,
    string? LastMigration,
    long AuditChainSequence,
    string? AuditChainHash,
    string FieldKeyId,
    string? FilesKeyId,
    IReadOnlyList<BackupEntry> Entries)
{
    public const string EntryName = "manifest.json";
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json) is { Format: CurrentFormat, Entries: not null } manifest
                ? manifest
                : throw new BackupException(BackupErrors.NotABackup, "The backup's manifest is of a format this version cannot read.");
        }
        catch (JsonException ex)
        {
            throw new BackupException(BackupErrors.ManifestMismatch, "The backup's manifest is not valid JSON.", ex);
        }
    }
}

/// <summary>One file of a backup: its path inside the archive, size and SM3 (hex).</summary>
public sealed record BackupEntry(string Path, long Size, string Sm3);
