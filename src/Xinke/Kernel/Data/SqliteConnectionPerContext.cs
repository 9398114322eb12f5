using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Xinke.Kernel.Data;

/// <summary>
/// Keeps a context's SQLite connection open from its first statement to the context's end. EF
/// opens and closes the connection around every statement it runs outside a transaction; on
/// SQLite each of those takes the connection out of the driver's pool and puts it back, a lock
/// each way, and under load those two locks were half the time of a list request's session check.
/// The context's disposal closes the connection without asking interceptors, and the pool takes
/// it back. What must really close it while the context lives (replacing the database file)
/// closes the <see cref="DbConnection"/> itself.
/// </summary>
public sealed class SqliteConnectionPerContext : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
