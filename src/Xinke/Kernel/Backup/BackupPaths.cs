namespace Xinke.Kernel.Backup;

/// <summary>The folders of a backup archive and what each restores to.</summary>
public static class BackupPaths
{
    public const string Database = "database/";
    public const string SqliteDatabase = Database + "xinke.db";
    public const string PostgresDump = Database + "xinke.pgdump";
    public const string Keys = "keys/";
    public const string SigningKey = Keys + "installation-sm2.pem";
    public const string FieldKey = Keys + "fields-sm4.key";
    public const string FilesKey = Keys + "files-sm4.key";
    public const string RetiredFieldKeys = FieldKey + ".retired";
    public const string RetiredFilesKeys = FilesKey + ".retired";
    public const string Files = "files/";
    public const string AuditCheckpoints = "audit-checkpoints/";
    public const string AuditArchives = "audit-archives/";
}
