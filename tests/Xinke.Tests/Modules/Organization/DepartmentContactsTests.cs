using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel;
using Xinke.Kernel.Evidence;
using Xinke.Kernel.Identity;
using Xinke.Modules.Organization.Departments;
using Xinke.Modules.Organization.People;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Organization;

/// <summary>Each department's named head and IT liaison (ORG-03): set by the IT director, shown as a gap while missing.</summary>
public abstract class DepartmentContactsTests(DatabaseKind kind) : OrganizationTest(kind)
{
    public sealed class OnSqlite() : DepartmentContactsTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : DepartmentContactsTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ORG-03")]
    public async Task A_department_without_a_liaison_is_a_gap_on_the_home_page_and_in_the_evidence_until_one_is_named()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var nurse = await PersonAsync("N1", "赵联络", CardiologyWardId);

        var before = await director.GetStringAsync("/", Cancel);
        Assert.Contains("data-req=\"ORG-03\"", before, StringComparison.Ordinal);
        Assert.Contains("3 个科室未指定信息联络员", before, StringComparison.Ordinal);
        Assert.Equal(ComplianceStatus.NotMet, (await EvidenceAsync()).Status);

        var set = await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { liaisonPersonId = nurse.Id });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var dto = await set.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("赵联络", dto.GetProperty("liaison").GetProperty("name").GetString());
        Assert.False(dto.GetProperty("missingLiaison").GetBoolean());
        Assert.Contains("2 个科室未指定信息联络员", await director.GetStringAsync("/", Cancel), StringComparison.Ordinal);
        var answer = await EvidenceAsync();
        Assert.Equal("evidence.org03.liaisons", answer.Reason.Key);
        Assert.Equal([1, 3], answer.Reason.Arguments.Select(Convert.ToInt32));
        Assert.Equal(ComplianceStatus.Met, (await EvidenceAsync(CardiologyId)).Status);
    }

    [Fact]
    [Trait("Req", "ORG-03")]
    public async Task A_liaison_who_leaves_leaves_the_gap_open_again()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var nurse = await PersonAsync("N1", "赵联络", CardiologyId);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { liaisonPersonId = nurse.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(director, $"/api/v1/people/{nurse.Id}/status", new { status = "left" })).StatusCode);

        Assert.Equal(ComplianceStatus.NotMet, (await EvidenceAsync(CardiologyId)).Status);
        var listed = await director.GetFromJsonAsync<JsonElement>("/api/v1/departments/contacts", Cancel);
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("departmentId").GetInt64() == CardiologyId);
    }

    [Fact]
    public async Task A_liaison_must_be_an_active_person_of_the_department_and_a_stale_change_is_refused()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var outsider = await PersonAsync("R1", "呼吸科护士", RespiratoryId);
        var gone = await PersonAsync("N2", "已离职", CardiologyId, PersonStatus.Left);
        var head = await PersonAsync("N3", "王主任", CardiologyId);

        var other = await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { liaisonPersonId = outsider.Id });
        var left = await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { liaisonPersonId = gone.Id });
        Assert.Equal(DepartmentContactsErrors.NotInDepartment, (await Problems.ReadAsync(other, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(DepartmentContactsErrors.PersonLeft, (await Problems.ReadAsync(left, HttpStatusCode.BadRequest)).Code);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { headPersonId = head.Id })).StatusCode);
        var withoutIfMatch = await SendAsync(director, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { headPersonId = (long?)null });
        Assert.Equal((HttpStatusCode)428, withoutIfMatch.StatusCode);
    }

    [Fact]
    public async Task Only_the_it_director_names_contacts_and_a_liaison_sees_only_their_own_departments()
    {
        var liaison = await SignInAsync(await CreateUserAsync("zhao.lianluo", $"{BuiltInRoles.DeptLiaison}@{CardiologyId}"));
        var nurse = await PersonAsync("N1", "赵联络", CardiologyId);

        var refused = await SendAsync(liaison, HttpMethod.Put, $"/api/v1/departments/{CardiologyId}/contacts", new { liaisonPersonId = nurse.Id });
        var listed = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/departments/contacts", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal([CardiologyId, CardiologyWardId], listed.EnumerateArray().Select(d => d.GetProperty("departmentId").GetInt64()));
    }

    [Fact]
    public async Task The_it_director_names_a_liaison_through_the_pages()
    {
        var director = await SignInAsync(await CreateUserAsync("zhang.zhuren", BuiltInRoles.ItDirector));
        var nurse = await PersonAsync("N1", "赵联络", CardiologyWardId);

        var list = await director.GetStringAsync("/organization/departments?missing=true", Cancel);
        Assert.Contains("心血管内科", list, StringComparison.Ordinal);
        var form = await director.GetStringAsync($"/organization/departments/{CardiologyId}", Cancel);
        Assert.Contains("赵联络（N1）", form, StringComparison.Ordinal);

        var saved = await PageForms.SubmitAsync(director, form, $"/organization/departments/{CardiologyId}", new() { ["LiaisonPersonId"] = nurse.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ExpectedVersion"] = "0" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("心血管内科", await director.GetStringAsync("/organization/departments?missing=true", Cancel), StringComparison.Ordinal);
    }

    private async Task<EvidenceAnswer> EvidenceAsync(long? departmentId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provider = scope.ServiceProvider.GetServices<IEvidenceProvider>().OfType<DepartmentContactsEvidence>().Single();
        var query = EvidenceQuery.For(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), departmentId, scope.ServiceProvider.GetRequiredService<HospitalClock>(), Clock.GetUtcNow().UtcDateTime);
        return await provider.EvaluateAsync("ORG-03", query, Cancel);
    }
}
