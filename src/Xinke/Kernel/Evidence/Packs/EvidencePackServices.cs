using System.ComponentModel.DataAnnotations;
using Xinke.Kernel.Jobs;

namespace Xinke.Kernel.Evidence.Packs;

public static class EvidencePackServices
{
    /// <summary>The pack builder and verifier, the background queue that builds requested packs and the retention sweep.</summary>
    public static IServiceCollection AddEvidencePacks(this IServiceCollection services)
    {
        services.AddOptions<EvidencePackOptions>().BindConfiguration(EvidencePackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EvidencePackBuilder>();
        services.AddScoped<EvidencePacks>();
        services.AddSingleton<EvidencePackWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<EvidencePackWorker>());
        services.AddRecurringJob<EvidencePackRetentionJob>();
        return services;
    }

    /// <summary>Registers a module's records behind the requirement IDs it evidences.</summary>
    public static IServiceCollection AddEvidenceRecordSource<TSource>(this IServiceCollection services)
        where TSource : class, IEvidenceRecordSource
    {
        services.AddScoped<IEvidenceRecordSource, TSource>();
        return services;
    }
}

/// <summary><c>Xinke:EvidencePacks</c>: where built packs are kept (outside wwwroot) and for how long.</summary>
public sealed class EvidencePackOptions
{
    public const string Section = "Xinke:EvidencePacks";

    /// <summary>Empty: the <c>evidence-packs</c> folder of the data folder.</summary>
    public string? Folder { get; set; }

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>A pack still running this long after it was asked for was left by an instance that stopped; it is marked failed.</summary>
    [Range(1, 720)]
    public int AbandonedAfterHours { get; set; } = 6;

    /// <summary>Rows of a sheet shown in index.html; the xlsx beside it holds them all.</summary>
    [Range(1, 100_000)]
    public int HtmlRowsPerSheet { get; set; } = 200;

    /// <summary>
    /// A pack reads a whole period of records in few, long queries; the database's usual command
    /// timeout (30 s), right for a request, is too short for a year at a large hospital.
    /// </summary>
    [Range(1, 86_400)]
    public int CommandTimeoutSeconds { get; set; } = 900;
}
