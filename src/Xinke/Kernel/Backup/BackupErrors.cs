namespace Xinke.Kernel.Backup;

public static class BackupErrors
{
    public const string WeakPassphrase = "backup.weak_passphrase";
    public const string BadKey = "backup.bad_key";
    public const string NotABackup = "backup.not_a_backup";
    public const string WrongSecretOrDamaged = "backup.wrong_secret_or_damaged";
    public const string Truncated = "backup.truncated";
    public const string ManifestMismatch = "backup.manifest_mismatch";
    public const string TargetNotEmpty = "backup.target_not_empty";
    public const string ProviderMismatch = "backup.provider_mismatch";
    public const string NewerSchema = "backup.newer_schema";
    public const string ToolMissing = "backup.tool_missing";
    public const string ToolFailed = "backup.tool_failed";
    public const string FieldKeyConfigured = "backup.field_key_configured";
    public const string FilesKeyConfigured = "backup.files_key_configured";
    public const string KeyRingsBusy = "backup.key_rings_busy";
}
