using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Prometheus;
using Serilog;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Data;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;

namespace Xinke.Kernel.Web;

/// <summary>The web stack every module stands on: services first, then the request pipeline.</summary>
public static class WebHost
{
    public static WebApplicationBuilder AddXinkeWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Each host keeps its own logger: the static one would be shared by hosts in one process (tests, tools).
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true);

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HospitalOptions>().BindConfiguration(HospitalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HospitalClock>();
        services.AddSingleton<Calendar.BusinessCalendars>();
        services.AddSingleton<Navigation>();

        // Razor would otherwise write every Chinese character as a numeric entity.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var http = context.Configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
        });

        services.AddXinkeData();
        services.AddXinkeAudit();
        services.AddXinkeProblemDetails();
        services.AddXinkeLocalization();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.SerializerOptions.MaxDepth = 64;
            // A member given twice is ambiguous (which one did the sender mean?): refuse it as malformed.
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Xinke:Http:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddHealthChecks()
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), [Endpoints.LiveTag])
            .AddCheck<MigrationsHealthCheck>("database", tags: [Endpoints.ReadyTag]);
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Xinke API";
            document.Info.Description = "信科 — the hospital IT department's system of record.";
            return Task.CompletedTask;
        }));

        services.AddOutputCache();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.Cookie.Name = "xinke.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Events.OnRedirectToLogin = context => AnswerApi(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => AnswerApi(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "xinke.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options => options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseXinkeWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RefusePlainHttpBeyondLoopback(app);
        app.UseForwardedHeaders();
        if (HasCertificate(app.Configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error" });
        app.UseWhen(context => ApiPaths.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !ApiPaths.IsApi(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger: the middleware would write to the static one, which this host leaves silent.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel.Of;
        });
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseOutputCache();
        app.UseUploadLimits();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseXinkeIdentity();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static Task AnswerApi(HttpContext http, string redirectUri, int status)
    {
        if (ApiPaths.IsApi(http.Request))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    private static bool HasCertificate(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Kestrel:Certificates:Default:Path"]);

    /// <summary>
    /// Passwords and session cookies must not cross the hospital network in the clear: without a
    /// certificate, Xinke listens on loopback only (or behind a gateway that was declared).
    /// </summary>
    private static void RefusePlainHttpBeyondLoopback(WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value;
        if (http.AllowPlainHttpBeyondLoopback || HasCertificate(app.Configuration))
        {
            return;
        }

        var urls = (app.Configuration["urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            var host = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(host, UriKind.Absolute, out var uri)
                && !uri.IsLoopback)
            {
                throw new InvalidOperationException(
                    $"Refusing to serve plain HTTP on {url}: configure a certificate (Kestrel:Certificates:Default:Path and KeyPath) " +
                    "or, behind a TLS gateway, set Xinke:Http:AllowPlainHttpBeyondLoopback=true.");
            }
        }
    }
}
