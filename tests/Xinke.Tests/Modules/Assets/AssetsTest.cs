using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Modules.Assets.Register;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Assets;

/// <summary>Helpers of the register's tests: departments to own devices and assets stored straight in the database.</summary>
public abstract class AssetsTest(DatabaseKind kind) : IdentityTest(kind)
{
    private long? hospital;

    protected async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        hospital ??= (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var created = await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }

    /// <summary>Stores a PC of <paramref name="department"/> without going through the API (set-up only).</summary>
    protected Task<long> StoredAssetAsync(long department, string tag, Action<Asset>? change = null) =>
        App.WithDbAsync(async db =>
        {
            var asset = new Asset { Tag = tag, TypeId = 6, OwningDepartmentId = department, Make = "联想", Model = "启天 M437", Status = AssetStatus.InUse };
            change?.Invoke(asset);
            db.Add(asset);
            await db.SaveChangesAsync(Cancel);
            return asset.Id;
        });
}
