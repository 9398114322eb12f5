using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Modules.Assets.Register;

/// <summary>
/// The documents kept with a device (EQ-07): drivers, warranty card, manuals, other. They are kernel
/// attachments of owner type <c>asset</c>; the category is the first word of the attachment's
/// description, before a colon (<c>warranty-card: 保修卡扫描件</c>), so any upload form can set it.
/// A key device lacks its documents while it has no live warranty card or no live driver record.
/// </summary>
public sealed class AssetDocuments(XinkeDb db, AssetRegister register) : IAttachmentOwnerPolicy
{
    public const string OwnerType = "asset";
    public const string Driver = "driver";
    public const string WarrantyCard = "warranty-card";
    public const string Manual = "manual";
    public const string Other = "other";

    public static readonly string[] Categories = [Driver, WarrantyCard, Manual, Other];

    string IAttachmentOwnerPolicy.OwnerType => OwnerType;

    /// <summary>The category of an attachment from its description; <see cref="Other"/> when none is named.</summary>
    public static string CategoryOf(string? description)
    {
        var head = description?.Split(':', 2)[0].Trim().ToLowerInvariant();
        return head is not null && Categories.Contains(head) ? head : Other;
    }

    /// <summary>The description that files an attachment under <paramref name="category"/>.</summary>
    public static string Describe(string category, string? text) => string.IsNullOrWhiteSpace(text) ? $"{category}:" : $"{category}: {text.Trim()}";

    /// <summary>The ids of key devices (not scrapped) among <paramref name="assets"/> that miss a warranty card or a driver record at <paramref name="asOf"/>.</summary>
    public IQueryable<Asset> KeyDevicesMissingDocuments(IQueryable<Asset> assets, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var live = db.Set<Attachment>().AsNoTracking()
            .Where(f => f.OwnerType == OwnerType && f.UploadedAt <= asOf && (f.VoidedAt == null || f.VoidedAt > asOf));
        var warranty = WarrantyCard + ":";
        var driver = Driver + ":";
        return assets.Where(a => a.IsKeyDevice && a.Status != AssetStatus.Scrapped
            && (!live.Any(f => f.OwnerId == a.Id && f.Description != null && f.Description.StartsWith(warranty))
                || !live.Any(f => f.OwnerId == a.Id && f.Description != null && f.Description.StartsWith(driver))));
    }

    public async Task<bool> CanReadAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        caller is not null && caller.Has(AssetsPermissions.Read) && await register.FindAsync(ownerId, cancellationToken) is not null;

    public async Task<bool> CanAttachAsync(Caller caller, long ownerId, CancellationToken cancellationToken) =>
        caller is not null && caller.Has(AssetsPermissions.Write) && (await register.LoadForChangeAsync(ownerId, AssetsPermissions.Write, cancellationToken)).Succeeded;
}
