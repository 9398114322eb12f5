using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;
using Xinke.Kernel.Web.Export;

namespace Xinke.Tests.Kernel.Privacy.Contacts;

public sealed record ContactCardInput(string Name, string? Phone, long? DepartmentId);

public sealed record ContactCardDto(long Id, string Name, string? Phone);

/// <summary>Create, list and export <see cref="ContactCard"/>s; the phone shows through a <see cref="SensitiveLens"/>.</summary>
public static class ContactCardApi
{
    public const string ReadPermission = KernelPermissions.DepartmentsRead;

    /// <summary>Stands in for a module's <c>view-sensitive</c> permission: held by the security administrator only.</summary>
    public const string ViewSensitive = KernelPermissions.SecurityPolicy;

    public static IServiceCollection AddContactCardModule(this IServiceCollection services)
    {
        services.AddSingleton<IModelPart, ContactCardModel>();
        services.AddSingleton<IStartupFilter, Routes>();
        return services;
    }

    private static async Task<Created<ContactCardDto>> CreateAsync(ContactCardInput input, XinkeDb db, CancellationToken cancellationToken)
    {
        var card = new ContactCard { Name = input.Name, Phone = input.Phone, DepartmentId = input.DepartmentId };
        db.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/test-contacts/{card.Id}", new ContactCardDto(card.Id, card.Name, null));
    }

    private static async Task<Ok<List<ContactCardDto>>> ListAsync(XinkeDb db, SensitiveViews sensitive, CancellationToken cancellationToken)
    {
        var lens = await sensitive.LensAsync(ViewSensitive, cancellationToken);
        var cards = await db.Set<ContactCard>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var items = cards.Select(c => new ContactCardDto(c.Id, c.Name, lens.Show(c.Phone, SensitiveKind.Phone, nameof(ContactCard), c.Id, c.DepartmentId))).ToList();
        await lens.RecordAsync(cancellationToken);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> ExportAsync(XinkeDb db, SensitiveViews sensitive, CancellationToken cancellationToken)
    {
        var lens = await sensitive.LensAsync(ViewSensitive, cancellationToken);
        await lens.RecordExportAsync(nameof(ContactCard), new { all = true }, cancellationToken);
        ExportColumn<ContactCard>[] columns =
        [
            new("probe.name", c => c.Name),
            new("probe.name", c => lens.Show(c.Phone, SensitiveKind.Phone, nameof(ContactCard), c.Id, c.DepartmentId)),
        ];
        return new ExportResult<ContactCard>(db.Set<ContactCard>().AsNoTracking().OrderBy(c => c.Id).AsAsyncEnumerable(), columns, ExportFormat.Csv, "contacts");
    }

    private sealed class Routes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var routes = (IEndpointRouteBuilder)app.Properties["__EndpointRouteBuilder"]!;
            var group = routes.MapGroup("/api/v1/test-contacts").RequirePermission(ReadPermission);
            group.MapPost("/", CreateAsync);
            group.MapGet("/", ListAsync);
            group.MapGet("/export", ExportAsync);
        };
    }
}
