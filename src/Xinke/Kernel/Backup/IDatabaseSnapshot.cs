namespace Xinke.Kernel.Backup;

/// <summary>A consistent copy of the live database into one file, and its way back into an empty database.</summary>
public interface IDatabaseSnapshot
{
    /// <summary>The archive entry the snapshot is kept under (<see cref="BackupPaths"/>).</summary>
    string EntryName { get; }

    /// <summary>The PostgreSQL server's major version, which the restoring tools must match; null for SQLite.</summary>
    Task<int?> ServerMajorAsync(CancellationToken cancellationToken);

    /// <summary>Writes the snapshot while the server keeps serving.</summary>
    Task WriteAsync(string file, CancellationToken cancellationToken);

    /// <summary>Replaces the (empty) configured database with the snapshot.</summary>
    Task RestoreAsync(string file, CancellationToken cancellationToken);
}
