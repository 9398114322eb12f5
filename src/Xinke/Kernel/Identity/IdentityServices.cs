using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Xinke.Kernel.Cli;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Web;

namespace Xinke.Kernel.Identity;

/// <summary>Registration of accounts, sessions, tokens, permissions and department scope.</summary>
public static class IdentityServices
{
    public const string CookieName = "xinke.session";

    /// <summary>Bearer requests go to the token handler, all others to the session cookie.</summary>
    public const string CallerScheme = "caller";

    public static IServiceCollection AddXinkeIdentity(this IServiceCollection services)
    {

        services.AddOptions<IdentityPolicyOptions>().BindConfiguration(IdentityPolicyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton(new PermissionCatalog(XinkeModules.Permissions()));
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<LoginThrottle>();

        // Registered before AddIdentityCore, which then leaves out its own composition rules.
        services.AddScoped<IPasswordValidator<Account>, PasswordPolicy>();
        services.AddIdentityCore<Account>(options =>
        {
            options.User.RequireUniqueEmail = false;
            options.Lockout.AllowedForNewUsers = false;
        }).AddUserStore<AccountStore>();

        services.AddScoped<CurrentCaller>();
        services.AddScoped<DepartmentScope>();
        services.AddScoped<Privacy.SensitiveViews>();
        services.AddScoped<SessionValidator>();
        services.AddScoped<LoginService>();
        services.AddScoped<AccountService>();
        services.AddScoped<MfaService>();
        services.AddScoped<TokenService>();
        services.AddScoped<RoleService>();
        services.AddScoped<DepartmentService>();
        services.AddScoped<BootstrapService>();
        services.AddScoped<ISecondFactor, TotpFactor>();
        services.AddScoped<ISecondFactor, RecoveryCodeFactor>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CallerScheme;
                options.DefaultChallengeScheme = CallerScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(CallerScheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider, IOptions<IdentityPolicyOptions>>((options, clock, policy) =>
            {
                // The cookie lives at most as long as a session may; the session row decides the rest.
                options.ExpireTimeSpan = policy.Value.AbsoluteTimeout;
                options.SlidingExpiration = false;
                options.TimeProvider = clock;
                options.Events.OnValidatePrincipal = SessionValidator.OnValidatePrincipal;
                options.AccessDeniedPath = "/status/403";
            });
        services.AddOptions<AuthenticationSchemeOptions>(TokenAuthenticationHandler.SchemeName)
            .Configure<TimeProvider>((options, clock) => options.TimeProvider = clock);

        services.AddDataProtection().SetApplicationName("Xinke");
        if (!XinkeCli.IsGeneratingOpenApiAtBuild)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseKeyRepository(scopes));
        }

        return services;
    }

    /// <summary>The administration pages in the main menu, for those who may open them.</summary>
    public static WebApplication MapIdentityNavigation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<Navigation>()
            .Add(new NavigationItem("nav.users", "/admin/users", 900, KernelPermissions.UsersRead))
            .Add(new NavigationItem("nav.roles", "/admin/roles", 910, KernelPermissions.RolesRead));
        return app;
    }
}
