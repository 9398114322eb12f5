using Xinke.Kernel.Demo;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Web;

namespace Xinke.Modules.Organization.Posts;

/// <summary>Registration of the IT department's posts: service, evidence, home gap and demo data.</summary>
public static class PostsModule
{
    public static IServiceCollection AddPosts(this IServiceCollection services)
    {
        services.AddScoped<ItPosts>();
        services.AddEvidenceProvider<PostsEvidence>();
        services.AddEvidenceRecordSource<PostsEvidenceRecords>();
        services.AddHomeGapSource<PostsHomeGaps>();
        services.AddScoped<IDemoSeeder, PostsDemoSeeder>();
        services.AddScoped<IBusinessRecords, PostsDemoSeeder>();
        return services;
    }
}
