using Microsoft.Extensions.DependencyInjection.Extensions;
using Xinke.Data;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Evidence.Inspections;
using Xinke.Kernel.Evidence.Packs;
using Xinke.Kernel.Evidence.Tuning;
using Xinke.Kernel.Files;
using Xinke.Kernel.Jobs;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Obligations;

namespace Xinke.Kernel.Evidence;

public static class EvidenceServices
{
    public static IServiceCollection AddXinkeEvidence(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section);
        services.TryAddSingleton(provider =>
        {
            var file = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value.CatalogueFile;
            RequirementCatalogue native;
            if (string.IsNullOrWhiteSpace(file))
            {
                native = RequirementCatalogue.Shipped();
            }
            else
            {
                using var stream = File.OpenRead(file);
                native = RequirementCatalogue.Load(stream);
            }

            return new ShippedFrameworkSet(native, [.. MappedFrameworks.Shipped.Select(RequirementCatalogue.ShippedFramework)]);
        });
        services.TryAddSingleton<FrameworkCatalogueCache>();
        services.TryAddScoped(provider => provider.GetRequiredService<FrameworkCatalogueCache>().Current(provider.GetRequiredService<XinkeDb>()));
        services.TryAddScoped(provider => provider.GetRequiredService<ComplianceFrameworks>().Native);
        services.AddScoped<FrameworkTuning>();
        services.AddScoped<ComplianceEvidence>();
        services.AddScoped<FrameworkEvidence>();
        services.AddScoped<ComplianceReports>();
        services.AddScoped<EvidenceDocuments>();
        services.AddEvidenceProvider<DocumentEvidence>();
        services.AddEvidenceRecordSource<DocumentEvidenceRecords>();
        services.AddAttachmentOwner<EvidenceDocumentAttachments>();
        services.AddRecurringJob<EvidenceDocumentExpiryJob>();
        services.AddScoped<SelfInspections>();
        services.AddEvidenceProvider<SelfInspectionEvidence>();
        services.AddEvidenceRecordSource<SelfInspectionEvidenceRecords>();
        services.AddAttachmentOwner<SelfInspectionAttachments>();
        services.AddSingleton<IObligationDeclarations, SelfInspectionObligations>();
        services.AddNotificationKind(EvidenceDocumentExpiryJob.Kind, "notice.kind.evidence_document_expiring", emailByDefault: true);
        return services;
    }

    /// <summary>Registers a module's evidence for the requirement IDs it serves.</summary>
    public static IServiceCollection AddEvidenceProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, IEvidenceProvider
    {
        services.AddScoped<IEvidenceProvider, TProvider>();
        return services;
    }
}

/// <summary><c>Xinke:Evidence</c>: where a hospital's own catalogue (tuned thresholds) lives, if not the shipped one.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Xinke:Evidence";

    public string? CatalogueFile { get; set; }

    /// <summary>How many days before a document expires its owner is told.</summary>
    public int ExpiryNoticeDays { get; set; } = 30;
}
