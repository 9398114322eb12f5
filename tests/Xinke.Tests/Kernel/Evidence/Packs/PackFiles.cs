using System.IO.Compression;
using System.Text;

namespace Xinke.Tests.Kernel.Evidence.Packs;

/// <summary>Reads and rewrites the files of a pack ZIP, as someone tampering with a copy would.</summary>
public static class PackFiles
{
    public static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[entry.FullName] = buffer.ToArray();
        }

        return files;
    }

    public static byte[] Write(IReadOnlyDictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>The same pack with one byte of one file flipped.</summary>
    public static byte[] FlipByte(byte[] zip, string path)
    {
        var files = Read(zip);
        var bytes = files[path];
        bytes[bytes.Length / 2] ^= 0x01;
        return Write(files);
    }

    /// <summary>All the text of an xlsx (its XML parts), to see which records it holds.</summary>
    public static string XlsxText(byte[] xlsx) => string.Concat(Read(xlsx).Where(f => f.Key.EndsWith(".xml", StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetString(f.Value)));
}
