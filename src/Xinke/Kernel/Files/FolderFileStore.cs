namespace Xinke.Kernel.Files;

/// <summary>
/// A file store in a folder: the data folder's <c>files/</c>, or a share that several instances
/// mount. Files are content-addressed (<c>ab/cd/abcd…</c>), written to a temporary file in the
/// same folder and renamed into place, so two instances storing the same content at once both
/// succeed and a reader never sees half a file.
/// </summary>
public sealed class FolderFileStore(string root) : IFileStore
{
    private const string TemporaryFolder = ".tmp";

    public string Root { get; } = Path.GetFullPath(root);

    public Task<bool> ExistsAsync(string storageKey, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathOf(storageKey)));

    public async Task SaveAsync(string storageKey, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = PathOf(storageKey);
        if (File.Exists(target))
        {
            return;
        }

        var temporaryFolder = Path.Combine(Root, TemporaryFolder);
        Directory.CreateDirectory(temporaryFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(temporaryFolder, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another instance stored the same content first: its file is as good as ours.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        var path = PathOf(storageKey);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(storageKey));
        return Task.CompletedTask;
    }

    /// <summary>The path of a key; a key that is not a hex name could point outside the store and is refused.</summary>
    public string PathOf(string storageKey) => Path.Combine(Root, StorageKeys.RelativePathOf(storageKey, Path.DirectorySeparatorChar));
}
