namespace Xinke.Kernel.Files;

/// <summary>The kinds of file Xinke accepts as attachments, told apart by their first bytes.</summary>
public enum FileKind
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Bmp,
    Tiff,

    /// <summary>ZIP container: also xlsx, docx, pptx (Office Open XML) and ofd.</summary>
    Zip,

    /// <summary>OLE2 compound file: legacy xls, doc, ppt.</summary>
    OleCompound,
    Text,
    Executable,
}

/// <summary>
/// A small table of file signatures (magic bytes). Uploads are judged by their content, never by
/// their name: a renamed executable stays an executable.
/// </summary>
public static class FileSignatures
{
    /// <summary>The bytes needed to tell every kind in the table apart.</summary>
    public const int PrefixLength = 16;

    private static readonly (FileKind Kind, byte?[] Magic)[] Table =
    [
        (FileKind.Pdf, [0x25, 0x50, 0x44, 0x46, 0x2D]),
        (FileKind.Png, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (FileKind.Jpeg, [0xFF, 0xD8, 0xFF]),
        (FileKind.Gif, [0x47, 0x49, 0x46, 0x38]),
        (FileKind.Webp, [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]),
        // "BM", the file size, then four reserved zero bytes: "BM" alone would catch text such as "BMW,…".
        (FileKind.Bmp, [0x42, 0x4D, null, null, null, null, 0x00, 0x00, 0x00, 0x00]),
        (FileKind.Tiff, [0x49, 0x49, 0x2A, 0x00]),
        (FileKind.Tiff, [0x4D, 0x4D, 0x00, 0x2A]),
        (FileKind.Zip, [0x50, 0x4B, 0x03, 0x04]),
        (FileKind.Zip, [0x50, 0x4B, 0x05, 0x06]),
        (FileKind.OleCompound, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        (FileKind.Executable, [0x4D, 0x5A]),
        (FileKind.Executable, [0x7F, 0x45, 0x4C, 0x46]),
        (FileKind.Executable, [0xCF, 0xFA, 0xED, 0xFE]),
        (FileKind.Executable, [0xFE, 0xED, 0xFA, 0xCF]),
        (FileKind.Executable, [0x23, 0x21]),
    ];

    public static FileKind Detect(ReadOnlySpan<byte> prefix)
    {
        foreach (var (kind, magic) in Table)
        {
            if (Matches(prefix, magic))
            {
                return kind;
            }
        }

        return LooksLikeText(prefix) ? FileKind.Text : FileKind.Unknown;
    }

    private static bool Matches(ReadOnlySpan<byte> prefix, byte?[] magic)
    {
        if (prefix.Length < magic.Length)
        {
            return false;
        }

        for (var i = 0; i < magic.Length; i++)
        {
            if (magic[i] is { } expected && prefix[i] != expected)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Plain text and CSV: UTF-8 (with or without a byte-order mark) or GB 18030, no control bytes but tab, CR, LF.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> prefix)
    {
        if (prefix.IsEmpty)
        {
            return false;
        }

        foreach (var b in prefix)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return false;
            }
        }

        return true;
    }
}
