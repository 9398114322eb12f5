namespace Xinke.Kernel.Files;

/// <summary>
/// What the <c>_Attachments</c> partial shows: a record's attachments and, for those who may
/// attach, an upload form that posts to <c>/attachments</c> and comes back to <see cref="ReturnUrl"/>.
/// </summary>
public sealed record AttachmentsView(string OwnerType, long OwnerId, IReadOnlyList<Attachment> Items, bool CanAttach, string ReturnUrl)
{
    public const string PostUrl = "/attachments";

    /// <summary>The versions a new upload may replace: those not yet replaced.</summary>
    public IEnumerable<Attachment> Replaceable => Items.Where(a => !Items.Any(b => b.ReplacesId == a.Id));

    public static string DownloadUrl(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return $"{AttachmentsApi.Path}/{attachment.Id}/content";
    }
}
