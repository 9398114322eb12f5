using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Identity;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Modules.Systems;

/// <summary>Helpers of the register's tests: departments to own systems, a valid body, and calls that check their status.</summary>
public abstract class SystemsTest(DatabaseKind kind) : IdentityTest(kind)
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

    /// <summary>A level-3, filed, critical system assessed on <paramref name="assessed"/>; change what a test is about.</summary>
    protected static Dictionary<string, object?> Body(long department, string code = "HIS", int level = 3, string? filing = "11010143001-24001", string? assessed = "2026-01-10") => new()
    {
        ["code"] = code,
        ["name"] = "医院信息系统",
        ["ownerDepartmentId"] = department,
        ["vendor"] = "卫联医疗软件",
        ["protectionLevel"] = level,
        ["filingNumber"] = filing,
        ["lastAssessedOn"] = assessed,
        ["dataClasses"] = new[] { "core", "important" },
        ["holdsPersonalData"] = true,
        ["holdsHealthData"] = true,
        ["criticality"] = "critical",
        ["rtoMinutes"] = 30,
        ["rpoMinutes"] = 5,
    };

    protected static async Task<long> CreateAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await PostAsync(client, "/api/v1/systems", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    protected static async Task<JsonElement> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/systems/{id}", UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    /// <summary>A merge patch as the pages' scripts would send it, with <paramref name="ifMatch"/> when given.</summary>
    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/systems/{id}") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        request.Headers.Add("Origin", client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Cancel);
    }

    protected static async Task<IReadOnlyList<string>> CodesAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/systems{query}", Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!)];
    }
}
