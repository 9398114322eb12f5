using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Data.Paging;
using Xinke.Kernel.Workflow;
using Xinke.Tests.Kernel.Identity;
using Xinke.Tests.Kernel.Probes;

namespace Xinke.Tests.Kernel.Workflow;

/// <summary>Base of the approval tests: the probe module, its table, and helpers that read approvals and probes.</summary>
public abstract class ApprovalTest(DatabaseKind kind) : IdentityTest(kind)
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    protected ApprovalProbeFailure Failure => App.Services.GetRequiredService<ApprovalProbeFailure>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        ApprovalProbe.AddTo(services);
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ProbeModel.CreateTableSql(Kind), Cancel));
    }

    protected Task<(long ProbeId, ApprovalRequest Request)> StartAsync(long requesterId, string kind = ApprovalProbe.Kind, decimal? amount = null, long? departmentId = null) =>
        ApprovalProbe.StartAsync(App.Services, requesterId, kind, amount, departmentId, Cancel);

    protected static Task<HttpResponseMessage> ApproveAsync(HttpClient client, long id, string? comment = null) =>
        PostAsync(client, $"/api/v1/approvals/{id}/approve", new { comment });

    protected static Task<HttpResponseMessage> RejectAsync(HttpClient client, long id, string? comment) =>
        PostAsync(client, $"/api/v1/approvals/{id}/reject", new { comment });

    protected static async Task<ApprovalDto> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ApprovalDto>(body, Json)!;
    }

    protected static async Task<Page<ApprovalDto>> ListAsync(HttpClient client, string mine) =>
        (await client.GetFromJsonAsync<Page<ApprovalDto>>($"/api/v1/approvals?mine={mine}", Json, Cancel))!;

    protected Task<string> ProbeNameAsync(long probeId) =>
        WithDbAsync(db => db.Set<Probe>().AsNoTracking().Where(p => p.Id == probeId).Select(p => p.Name).SingleAsync(Cancel));

    protected Task<ApprovalRequest> StoredAsync(long id) =>
        WithDbAsync(db => db.Set<ApprovalRequest>().AsNoTracking().Include(r => r.Steps).Include(r => r.Decisions).SingleAsync(r => r.Id == id, Cancel));
}
