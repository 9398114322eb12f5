using Microsoft.EntityFrameworkCore;
using Xinke.Kernel.Data;

namespace Xinke.Tests.Kernel;

/// <summary>Both providers' migration sets must hold every change of the model.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Each_provider_has_migrations_for_every_model_change(string provider)
    {
        using var db = DesignTimeXinkeDbFactory.Create(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lack model changes: run scripts/add-migration <Name>.");
    }
}
