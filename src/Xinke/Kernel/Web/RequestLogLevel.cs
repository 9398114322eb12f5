using Serilog.Events;

namespace Xinke.Kernel.Web;

/// <summary>
/// How loud a request's line in the log is: a failure is an error, a request slower than
/// <see cref="Slow"/> a warning (where time goes under load shows in the log by default), and
/// the ordinary request, hundreds a second, is debug.
/// </summary>
public static class RequestLogLevel
{
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public static LogEventLevel Of(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        return exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : elapsedMilliseconds > Slow.TotalMilliseconds ? LogEventLevel.Warning
            : LogEventLevel.Debug;
    }
}
