using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Files;
using Xinke.Kernel.Obligations;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Leadership;

/// <summary>Registration of the IT leadership group: its service, minutes' files, periodic meeting, evidence, gaps and demo data.</summary>
public static class LeadershipModule
{
    public static IServiceCollection AddLeadership(this IServiceCollection services)
    {
        services.AddScoped<LeadershipGroup>();
        services.AddAttachmentOwner<MeetingAttachments>();
        services.AddSingleton<IObligationDeclarations, LeadershipObligations>();
        services.AddEvidenceProvider<LeadershipEvidence>();
        services.AddEvidenceRecordSource<LeadershipEvidenceRecords>();
        services.AddHomeGapSource<LeadershipHomeGaps>();
        services.AddScoped<IDemoSeeder, LeadershipDemoSeeder>();
        services.AddScoped<IBusinessRecords, LeadershipDemoSeeder>();
        return services;
    }
}
