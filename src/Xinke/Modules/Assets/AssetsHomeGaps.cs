using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Register;

namespace Xinke.Modules.Assets;

/// <summary>On the home page of those who keep the register: key devices without a warranty card or driver record (EQ-07), key devices away from their designated place (EQ-01).</summary>
public sealed class AssetsHomeGaps(AssetRegister register, AssetDocuments documents, TimeProvider clock) : IHomeGapSource
{
    public const string DocumentsKey = "home.gap.assets_documents_missing";
    public const string PlaceKey = "home.gap.assets_away_from_place";

    public async Task<IReadOnlyList<HomeGap>> FindAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(AssetsPermissions.Write))
        {
            return [];
        }

        var assets = await register.VisibleAsync(AssetsPermissions.Write, cancellationToken);
        var missing = await documents.KeyDevicesMissingDocuments(assets, clock.GetUtcNow().UtcDateTime).CountAsync(cancellationToken);
        var keyDevices = await assets.Where(a => a.IsKeyDevice && a.Status != AssetStatus.Scrapped)
            .Select(a => new { a.DesignatedLocation, a.Campus, a.Building, a.Floor, a.Room, a.Rack, a.RackUnit })
            .ToListAsync(cancellationToken);
        var away = keyDevices.Count(a => a.DesignatedLocation != new AssetLocation(a.Campus, a.Building, a.Floor, a.Room, a.Rack, a.RackUnit).Text);
        List<HomeGap> gaps = [];
        if (missing > 0)
        {
            gaps.Add(new HomeGap("EQ-07", DocumentsKey, "/assets?keyDevice=true", missing));
        }

        if (away > 0)
        {
            gaps.Add(new HomeGap("EQ-01", PlaceKey, "/assets?keyDevice=true", away));
        }

        return gaps;
    }
}
