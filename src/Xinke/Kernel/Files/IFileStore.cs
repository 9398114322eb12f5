namespace Xinke.Kernel.Files;

/// <summary>
/// Where attachment bytes live, by storage key (a 64-character lowercase hex name). Stored files
/// are never changed: saving a key that exists keeps the file already there. A file is removed
/// only by a key rotation, once its re-encrypted copy is stored and recorded.
/// </summary>
public interface IFileStore
{
    Task<bool> ExistsAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="content"/> under the key, atomically: readers see the whole file or none.</summary>
    Task SaveAsync(string storageKey, Stream content, CancellationToken cancellationToken);

    /// <exception cref="FileNotFoundException">Nothing is stored under the key.</exception>
    Task<Stream> OpenReadAsync(string storageKey, CancellationToken cancellationToken);

    /// <summary>Removes the file under the key; nothing happens when there is none.</summary>
    Task DeleteAsync(string storageKey, CancellationToken cancellationToken);
}
