using System.Text;

namespace Xinke.Kernel.Crypto;

/// <summary>Key files: base64 keys, one a line, readable by the service account only and replaced atomically.</summary>
public static class KeyFiles
{
    /// <summary>The file beside a key file that holds the keys it replaced, oldest first.</summary>
    public static string RetiredOf(string keyFile) => keyFile + ".retired";

    /// <summary>Parses every non-empty line as a 16-byte SM4 key.</summary>
    /// <exception cref="InvalidOperationException">A line is not base64 of 16 bytes (the message never holds the key).</exception>
    public static IReadOnlyList<byte[]> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keys = new List<byte[]>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(line);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"A key in {source} is not base64.");
            }

            keys.Add(key.Length == Sm4Gcm.KeySize ? key : throw new InvalidOperationException($"A key in {source} must be {Sm4Gcm.KeySize} bytes, not {key.Length}."));
        }

        return keys;
    }

    public static string Format(IEnumerable<byte[]> keys) => string.Concat(keys.Select(k => Convert.ToBase64String(k) + "\n"));

    /// <summary>
    /// Writes the file through a temporary one renamed into place, so a reader sees the old
    /// content or the new, never half; <paramref name="overwrite"/> false keeps a file that exists.
    /// </summary>
    /// <returns>False when the file existed and was kept.</returns>
    public static bool Write(string path, string content, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by the service account only, never world-readable even for a moment.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(Encoding.ASCII.GetBytes(content));
            file.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            // Another process wrote it first: its key is kept, never two.
            File.Delete(temporary);
            return false;
        }
    }
}
