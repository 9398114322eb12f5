using System.Text;

namespace Xinke.Kernel.Files;

/// <summary>
/// The display name of an uploaded file: the last segment of what the client sent, without
/// control or path characters, at most <see cref="Attachment.FileNameMaxLength"/> characters with
/// its extension kept. It is shown and offered on download, never used as a path.
/// </summary>
public static class FileNames
{
    public const string Fallback = "file";

    private static readonly char[] Forbidden = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitize(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/').Split('/')[^1];
        var text = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && Array.IndexOf(Forbidden, c) < 0 && c is not ('\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))
            {
                text.Append(c);
            }
        }

        var clean = text.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return Fallback;
        }

        if (clean.Length <= Attachment.FileNameMaxLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length > 20 ? string.Empty : extension;
        var cut = Attachment.FileNameMaxLength - extension.Length;
        if (char.IsHighSurrogate(clean[cut - 1]))
        {
            // Never cut a character outside the basic plane in half.
            cut--;
        }

        return clean[..cut] + extension;
    }
}
