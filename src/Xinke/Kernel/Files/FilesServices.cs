using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Xinke.Kernel.Data;

namespace Xinke.Kernel.Files;

public static class FilesServices
{
    public static IServiceCollection AddXinkeFiles(this IServiceCollection services)
    {
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FilesOptions>, FilesOptionsValidator>();
        services.AddSingleton<FileCipher>();
        services.AddSingleton<IFileStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FilesOptions>>().Value;
            var dataFolder = provider.GetRequiredService<DataFolder>();
            if (string.Equals(options.Store, FilesOptions.S3Store, StringComparison.OrdinalIgnoreCase))
            {
                return new S3FileStore(S3FileStore.CreateClient(options.S3), options.S3.Bucket!, options.S3.Prefix, dataFolder.PathOf("tmp", "files"));
            }

            return new FolderFileStore(string.IsNullOrWhiteSpace(options.Folder) ? dataFolder.PathOf("files") : options.Folder);
        });
        services.AddScoped<AttachmentOwners>();
        services.AddScoped<AttachmentService>();

        // Pages that take an attachment read it as a form: the form limit follows the attachment limit.
        services.AddOptions<FormOptions>().Configure<IOptions<FilesOptions>>((form, files) =>
            form.MultipartBodyLengthLimit = UploadLimits.BodyLimit(files.Value));
        return services;
    }

    /// <summary>Lets attachments be added to and read from the records of a module's owner type.</summary>
    public static IServiceCollection AddAttachmentOwner<TPolicy>(this IServiceCollection services)
        where TPolicy : class, IAttachmentOwnerPolicy
    {
        services.AddScoped<IAttachmentOwnerPolicy, TPolicy>();
        return services;
    }
}
