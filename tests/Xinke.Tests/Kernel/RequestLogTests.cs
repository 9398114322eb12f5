using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Xinke.Data;
using Xinke.Kernel.Web;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel;

/// <summary>
/// Every request reaches the host's log with its method, path, status and time: failures as errors,
/// slow ones as warnings (so where the time goes under load shows by default), the rest at debug.
/// </summary>
public sealed class RequestLogTests() : IntegrationTest(DatabaseKind.Sqlite)
{
    private readonly string logFile = Path.Combine(Path.GetTempPath(), $"xinke-requests-{Guid.NewGuid():N}.txt");

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSerilog(logger => logger.MinimumLevel.Debug().WriteTo.File(logFile, formatProvider: System.Globalization.CultureInfo.InvariantCulture), preserveStaticLogger: true);

    [Fact]
    public async Task A_request_is_logged_by_the_hosts_logger_with_its_path_status_and_time()
    {
        await Client.GetAsync("/healthz", Cancel);
        await Client.GetAsync("/api/v1/tickets/12", Cancel);
        await App.DisposeAsync();

        var log = await File.ReadAllTextAsync(logFile, Cancel);
        File.Delete(logFile);
        Assert.Matches(@"HTTP GET /healthz responded 200 in [0-9.]+ ms", log);
        Assert.Matches(@"HTTP GET /api/v1/tickets/12 responded 401 in [0-9.]+ ms", log);
    }

    [Theory]
    [InlineData(200, 12.0, false, LogEventLevel.Debug)]
    [InlineData(404, 3.0, false, LogEventLevel.Debug)]
    [InlineData(200, 1500.0, false, LogEventLevel.Warning)]
    [InlineData(500, 8.0, false, LogEventLevel.Error)]
    [InlineData(200, 8.0, true, LogEventLevel.Error)]
    public void A_failure_is_an_error_a_slow_request_a_warning_and_the_rest_debug(int status, double milliseconds, bool threw, LogEventLevel expected)
    {
        var context = new DefaultHttpContext { Response = { StatusCode = status } };

        Assert.Equal(expected, RequestLogLevel.Of(context, milliseconds, threw ? new InvalidOperationException("boom") : null));
    }
}
