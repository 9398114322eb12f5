using Xinke.Kernel.Data;

namespace Xinke.Kernel.Backup;

/// <summary>
/// A private folder under the data folder for what a backup passes through in the clear (the
/// database snapshot): as protected as the live database beside it, and removed when done.
/// </summary>
public static class BackupStaging
{
    public static string Create(DataFolder dataFolder)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        var path = dataFolder.PathOf("tmp", "backup-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
