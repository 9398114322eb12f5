using Xinke.Kernel.Data.Consistency;
using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;
using Xinke.Modules.Staff.Agreements;
using Xinke.Modules.Staff.Trainings;

namespace Xinke.Modules.Staff;

/// <summary>Registration of the staff module: trainings, confidentiality agreements and the account activation gate.</summary>
public static class StaffModule
{
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddScoped<StaffScope>();
        services.AddScoped<TrainingRecords>();
        services.AddScoped<TrainingService>();
        services.AddScoped<AgreementRecords>();
        services.AddScoped<AgreementService>();
        services.AddScoped<IAccountActivationGate, TrainingAndAgreementGate>();
        services.AddAttachmentOwner<TrainingAttachments>();
        services.AddAttachmentOwner<AgreementScanAttachments>();
        services.AddSingleton<IObligationDeclarations, StaffObligations>();
        services.AddEvidenceProvider<StaffEvidence>();
        services.AddEvidenceRecordSource<StaffEvidenceRecords>();
        services.AddHomeGapSource<StaffGaps>();
        services.AddRecordRuleCheck<StaffRuleChecks>();
        services.AddScoped<IDemoSeeder, StaffDemoSeeder>();
        services.AddScoped<IBusinessRecords, StaffBusinessRecords>();
        return services;
    }

    public static WebApplication MapStaffApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTrainingsApi();
        app.MapAgreementsApi();
        var navigation = app.Services.GetRequiredService<Navigation>();
        navigation.Add(new NavigationItem("nav.trainings", "/staff/trainings", 400, StaffPermissions.TrainingsRead));
        navigation.Add(new NavigationItem("nav.agreements", "/staff/agreements", 410, StaffPermissions.AgreementsRead));
        navigation.Add(new NavigationItem("nav.agreement_accept", "/staff/agreements/accept", 420));
        return app;
    }
}
