namespace Xinke.Kernel.Backup;

/// <summary><c>Xinke:Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Xinke:Backup";

    /// <summary>
    /// The folder holding <c>pg_dump</c> and <c>pg_restore</c> of the database server's major
    /// version; by default the distribution's folder for that version, then the PATH.
    /// </summary>
    public string? PostgresBinFolder { get; set; }
}
