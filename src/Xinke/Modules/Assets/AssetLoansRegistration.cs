using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Web;
using Xinke.Modules.Assets.Loans;

namespace Xinke.Modules.Assets;

/// <summary>Registration of loans, returns and reservations (EQ-03): services, the overdue job and its notice, evidence, demo data, endpoints and menu entry.</summary>
public static class AssetLoansRegistration
{
    public static IServiceCollection AddAssetLoans(this IServiceCollection services)
    {
        services.AddScoped<LoanService>();
        services.AddScoped<ReservationService>();
        services.AddScoped<LoanPanel>();
        services.AddRecurringJob<LoanOverdueJob>();
        services.AddNotificationKind(LoanOverdueJob.NoticeKind, "notice.kind.asset_loan_overdue", emailByDefault: true);
        services.AddEvidenceProvider<LoanEvidence>();
        services.AddEvidenceRecordSource<LoanEvidenceRecords>();
        services.AddScoped<LoanDemoSeeder>();
        services.AddScoped<IDemoSeeder>(provider => provider.GetRequiredService<LoanDemoSeeder>());
        services.AddScoped<IBusinessRecords>(provider => provider.GetRequiredService<LoanDemoSeeder>());
        return services;
    }

    public static WebApplication MapAssetLoansApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapLoansApi();
        app.Services.GetRequiredService<Navigation>().Add(new NavigationItem("nav.asset_loans", "/assets/loans", 161, AssetsPermissions.Borrow));
        return app;
    }
}
