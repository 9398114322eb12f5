using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Assets;

/// <summary>Helpers of the register's tests: departments to own devices and assets stored straight in the database.</summary>
public abstract class AssetsTest(DatabaseKind kind) : IdentityTest(kind)
{
    private long? hospital;

    protected async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        hospital ??= (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        var created = await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel);
        Assert.True(created.Succeeded, created.Error?.Code);
        return created.Value!.Id;
    }

    /// <summary>Stores a PC of <paramref name="department"/> without going through the API (set-up only).</summary>
    protected Task<long> StoredAssetAsync(long department, string tag, Action<Asset>? change = null) =>
        App.WithDbAsync(async db =>
        {
            var asset = new Asset { Tag = tag, TypeId = 6, OwningDepartmentId = department, Make = "联想", Model = "启天 M437", Status = AssetStatus.InUse };
            change?.Invoke(asset);
            db.Add(asset);
            await db.SaveChangesAsync(Cancel);
            return asset.Id;
        });

    /// <summary>A person of the organization register who can answer for devices.</summary>
    protected Task<long> PersonAsync(long department, string employeeNumber, string name) =>
        App.WithDbAsync(async db =>
        {
            var person = new Person { EmployeeNumber = employeeNumber, Name = name, DepartmentId = department, Status = PersonStatus.Active, CreatedAt = Clock.GetUtcNow().UtcDateTime };
            db.Add(person);
            await db.SaveChangesAsync(Cancel);
            return person.Id;
        });

    /// <summary>A PC in use in <paramref name="department"/>; change what a test is about.</summary>
    protected static Dictionary<string, object?> Body(long department, string type = "pc") => new()
    {
        ["typeId"] = BuiltInTypeId(type),
        ["make"] = "联想",
        ["model"] = "启天 M437",
        ["serial"] = "PC0A1B2C",
        ["supplier"] = "华信科技",
        ["purchaseDate"] = "2025-06-01",
        ["purchasePrice"] = 4999.00m,
        ["warrantyEnd"] = "2028-05-31",
        ["contractReference"] = "HT-2025-031",
        ["campus"] = "本院区",
        ["building"] = "门诊楼",
        ["floor"] = "3F",
        ["room"] = "302诊室",
        ["owningDepartmentId"] = department,
        ["status"] = "inUse",
        ["hostname"] = "mz-302-01",
        ["macAddress"] = "00-1a-2b-3c-4d-5e",
    };

    protected static long BuiltInTypeId(string code) => AssetType.BuiltIns.Single(t => t.Code == code).Id;

    protected static async Task<JsonElement> CreateAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await PostAsync(client, "/api/v1/assets", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected static async Task<JsonElement> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/assets/{id}", UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected static async Task<IReadOnlyList<(string Kind, string Text)>> TimelineAsync(HttpClient client, long id)
    {
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}/timeline", Cancel);
        return [.. events.EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("text").GetString()!))];
    }

    protected static async Task<IReadOnlyList<string>> TagsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/assets{query}", Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tag").GetString()!)];
    }

    /// <summary>A merge patch with <paramref name="ifMatch"/> when given.</summary>
    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/assets/{id}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }

    /// <summary>Attaches a document of <paramref name="category"/> (EQ-07) to an asset.</summary>
    protected static async Task<long> AttachDocumentAsync(HttpClient client, long assetId, string category)
    {
        var file = new ByteArrayContent(AttachmentUploads.Pdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("asset"), "ownerType" },
            { new StringContent(assetId.ToString(CultureInfo.InvariantCulture)), "ownerId" },
            { new StringContent($"{category}: 扫描件"), "description" },
            { file, "file", $"{category}.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attachments") { Content = form };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", "http://localhost");
        var response = await client.SendAsync(request, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    protected static async Task<JsonElement> EvidenceAsync(HttpClient client, string requirementId)
    {
        var report = await client.GetFromJsonAsync<JsonElement>("/api/v1/evidence", Cancel);
        return report.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("requirementId").GetString() == requirementId);
    }
}
