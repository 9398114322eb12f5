using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Kernel.Evidence.Documents;
using Xinke.Kernel.Identity;
using Xinke.Tests.Infrastructure;
using Xinke.Tests.Kernel.Identity;

namespace Xinke.Tests.Kernel.Evidence;

/// <summary>
/// The document edit page: what is written of a document changes through the form, a form shown
/// before someone else saved is refused with a clear message, and only the documents' keepers may edit.
/// </summary>
public abstract class EvidenceDocumentEditPageTests(DatabaseKind kind) : IdentityTest(kind)
{
    private static readonly string[] Rules = ["ORG-06"];

    public sealed class OnSqlite() : EvidenceDocumentEditPageTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : EvidenceDocumentEditPageTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task The_keeper_changes_title_period_owner_expiry_and_department_through_the_form()
    {
        var lab = await DepartmentAsync("检验科");
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var deputy = await CreateUserAsync("deputy", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var id = await CreateAsync(director, directorAccount.Id);
        var page = await PageAsync(director, id);
        Assert.Contains("信息系统监督检查制度", page, StringComparison.Ordinal);

        var saved = await PageForms.SubmitAsync(director, page, $"/compliance/documents/{id}/edit", new()
        {
            ["Form.Title"] = "信息系统监督检查制度（2026 修订）",
            ["Form.CoversFrom"] = "2026-02-01",
            ["Form.CoversTo"] = "2026-12-31",
            ["Form.ExpiresOn"] = "2027-01-01",
            ["Form.Owner"] = "deputy",
            ["Form.DepartmentId"] = lab.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/compliance/documents/{id}", saved.Headers.Location!.ToString());
        var document = await WithDbAsync(db => db.Set<EvidenceDocument>().AsNoTracking().Include(d => d.Requirements).SingleAsync(d => d.Id == id, Cancel));
        Assert.Equal("信息系统监督检查制度（2026 修订）", document.Title);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)), (document.CoversFrom, document.CoversTo, document.ExpiresOn));
        Assert.Equal(deputy.Id, document.OwnerAccountId);
        Assert.Equal(lab, document.DepartmentId);
        Assert.Equal(Rules, document.Requirements.Select(r => r.RequirementId));
    }

    [Fact]
    [Trait("Req", "ACR-02")]
    public async Task A_form_shown_before_someone_else_saved_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var id = await CreateAsync(director, directorAccount.Id);
        var shown = await PageAsync(director, id);
        var first = await PageForms.SubmitAsync(director, await PageAsync(director, id), $"/compliance/documents/{id}/edit", Fields("第一次修改"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var stale = await PageForms.SubmitAsync(director, shown, $"/compliance/documents/{id}/edit", Fields("过时的修改"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("记录已被他人修改，请刷新后重试。", await stale.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("第一次修改", await WithDbAsync(db => db.Set<EvidenceDocument>().Where(d => d.Id == id).Select(d => d.Title).SingleAsync(Cancel)));
    }

    [Fact]
    public async Task A_blank_title_or_an_unknown_owner_is_refused_on_its_field()
    {
        var directorAccount = await CreateUserAsync("director", BuiltInRoles.ItDirector);
        var director = await SignInAsync(directorAccount);
        var id = await CreateAsync(director, directorAccount.Id);

        var blank = await PageForms.SubmitAsync(director, await PageAsync(director, id), $"/compliance/documents/{id}/edit", Fields(""));
        var unknown = await PageForms.SubmitAsync(director, await PageAsync(director, id), $"/compliance/documents/{id}/edit", new(Fields("某制度")) { ["Form.Owner"] = "nobody" });

        var blankHtml = await blank.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("data-testid=\"problem\"", blankHtml, StringComparison.Ordinal);
        Assert.Contains("is-invalid\" id=\"title\"", blankHtml, StringComparison.Ordinal);
        Assert.Contains("is-invalid\" id=\"owner\"", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("信息系统监督检查制度", await WithDbAsync(db => db.Set<EvidenceDocument>().Where(d => d.Id == id).Select(d => d.Title).SingleAsync(Cancel)));
    }

    private static Dictionary<string, string> Fields(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.CoversFrom"] = "2026-01-15",
        ["Form.Owner"] = "director",
    };

    private static async Task<string> PageAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync(new Uri($"/compliance/documents/{id}/edit", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<long> CreateAsync(HttpClient client, long owner)
    {
        var response = await PostAsync(client, "/api/v1/evidence-documents", new { title = "信息系统监督检查制度", kind = "policy", requirementIds = Rules, coversFrom = "2026-01-15", ownerAccountId = owner });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    private async Task<long> DepartmentAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = scope.ServiceProvider.GetRequiredService<DepartmentService>();
        var hospital = (await departments.CreateAsync("信科医院", null, DepartmentKind.Hospital, Cancel)).Value!.Id;
        return (await departments.CreateAsync(name, hospital, DepartmentKind.Department, Cancel)).Value!.Id;
    }
}
