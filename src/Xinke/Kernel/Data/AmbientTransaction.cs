using Xinke.Data;

namespace Xinke.Kernel.Data;

/// <summary>
/// Runs a use case in the caller's transaction when there is one (a module calling a kernel
/// service inside its own use case), otherwise in a transaction of its own that commits only
/// when the use case succeeds: either way, one use case is one transaction.
/// </summary>
public static class AmbientTransaction
{
    public static async Task<Result<T>> RunAsync<T>(XinkeDb db, Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
