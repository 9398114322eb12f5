using System.IO.Compression;
using System.Text;

namespace Xinke.Kernel.Files;

/// <summary>
/// The allow-list of attachment types, judged from the bytes: PDF, images, Office documents
/// (Open XML told apart by the parts inside the ZIP; legacy OLE2 files by their extension, since
/// the container alone does not say which program wrote it), ZIP, OFD, and plain text or CSV in
/// UTF-8 or GB 18030 (what Chinese Excel writes). Everything else is refused.
/// </summary>
public static class FileTypes
{
    public const string OctetStream = "application/octet-stream";

    private static readonly Dictionary<FileKind, string> Fixed = new()
    {
        [FileKind.Pdf] = "application/pdf",
        [FileKind.Png] = "image/png",
        [FileKind.Jpeg] = "image/jpeg",
        [FileKind.Gif] = "image/gif",
        [FileKind.Webp] = "image/webp",
        [FileKind.Bmp] = "image/bmp",
        [FileKind.Tiff] = "image/tiff",
    };

    /// <summary>Parts whose presence names the Open XML (or OFD) document a ZIP is.</summary>
    private static readonly (string Part, string ContentType)[] ZipDocuments =
    [
        ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("OFD.xml", "application/ofd"),
    ];

    private static readonly Dictionary<string, string> LegacyOffice = new(StringComparer.OrdinalIgnoreCase)
    {
        [".doc"] = "application/msword",
        [".xls"] = "application/vnd.ms-excel",
        [".ppt"] = "application/vnd.ms-powerpoint",
    };

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FileTypes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The content type of an accepted file, or null when the bytes are not on the allow-list.
    /// <paramref name="content"/> must be seekable; it is read from the start and left anywhere.
    /// </summary>
    public static string? Judge(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        Span<byte> prefix = stackalloc byte[FileSignatures.PrefixLength];
        var read = content.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var kind = FileSignatures.Detect(prefix[..read]);
        content.Position = 0;
        return kind switch
        {
            FileKind.Zip => ZipType(content),
            FileKind.OleCompound => LegacyOffice.GetValueOrDefault(Path.GetExtension(fileName)),
            FileKind.Text => TextType(content, fileName),
            FileKind.Unknown or FileKind.Executable => null,
            _ => Fixed[kind],
        };
    }

    private static string? ZipType(Stream content)
    {
        try
        {
            // Only the central directory is read: nothing is decompressed, so a ZIP bomb costs nothing here.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (var (part, contentType) in ZipDocuments)
            {
                if (names.Contains(part))
                {
                    return contentType;
                }
            }

            return "application/zip";
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Text is valid UTF-8 (a byte-order mark allowed) or else valid GB 18030, with no control bytes but tab, CR and LF.</summary>
    private static string? TextType(Stream content, string fileName)
    {
        var charset = Decodes(content, StrictUtf8) ? "utf-8"
            : Decodes(content, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)) ? "gb18030"
            : null;
        if (charset is null)
        {
            return null;
        }

        var mediaType = string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "text/plain";
        return $"{mediaType}; charset={charset}";
    }

    private static bool Decodes(Stream content, Encoding encoding)
    {
        content.Position = 0;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                // Bytes below 0x20 are single characters in both encodings, never part of a sequence.
                foreach (var b in bytes.AsSpan(0, read))
                {
                    if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
                    {
                        return false;
                    }
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
