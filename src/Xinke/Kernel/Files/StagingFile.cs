namespace Xinke.Kernel.Files;

/// <summary>Scratch files beside the data, removed when closed: file contents pass through them, never through wwwroot.</summary>
public static class StagingFile
{
    /// <summary>A new owner-only scratch file in <paramref name="folder"/>, deleted on close.</summary>
    public static FileStream Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
            BufferSize = 81920,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(folder, Guid.NewGuid().ToString("N")), options);
    }
}
