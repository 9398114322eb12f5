using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xinke.Data;
using Xinke.Kernel.Identity;
using static Xinke.Tests.Modules.ServiceDesk.Admin.AdminRequests;

namespace Xinke.Tests.Modules.ServiceDesk.Admin;

/// <summary>The SLA policies' list, edit and deactivation through the API, each edit against the version it read.</summary>
public abstract class SlaPoliciesApiTests(DatabaseKind kind) : ServiceDeskTest(kind)
{
    public sealed class OnSqlite() : SlaPoliciesApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SlaPoliciesApiTests(DatabaseKind.Postgres);

    [Fact]
    public async Task A_policy_is_edited_and_deactivated_against_its_current_version_only()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var created = await JsonAsync(await PostAsync(director, "/api/v1/sla-policies", new { name = "P3 中", priority = "p3", responseMinutes = 60, resolutionMinutes = 600 }));
        var url = $"/api/v1/sla-policies/{created.GetProperty("id").GetInt64()}";

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, null, new { resolutionMinutes = 480 })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, "\"99\"", new { resolutionMinutes = 480 })).StatusCode);
        var edited = await JsonAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(created), new { resolutionMinutes = 480 }));
        Assert.Equal(480, edited.GetProperty("resolutionMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(created), new { active = false })).StatusCode);

        var deactivated = await JsonAsync(await SendWithIfMatchAsync(director, HttpMethod.Patch, url, ETag(edited), new { active = false }));

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        var listed = (await director.GetFromJsonAsync<JsonElement>("/api/v1/sla-policies", Cancel)).EnumerateArray().Single();
        Assert.Equal((480, false), (listed.GetProperty("resolutionMinutes").GetInt32(), listed.GetProperty("active").GetBoolean()));
    }
}
