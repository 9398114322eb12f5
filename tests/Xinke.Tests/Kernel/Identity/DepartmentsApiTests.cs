using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Departments;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Kernel.Identity;

/// <summary>The department tree: hospital -> campus -> department -> ward.</summary>
public sealed class DepartmentsApiTests() : IdentityTest(DatabaseKind.Sqlite)
{
    [Fact]
    public async Task The_tree_is_built_level_by_level_and_read_back_nested()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var hospital = await CreateAsync(sysadmin, "信科医院", "hospital", null);
        var campus = await CreateAsync(sysadmin, "东院区", "campus", hospital);
        var department = await CreateAsync(sysadmin, "心内科", "department", campus);
        await CreateAsync(sysadmin, "心内科一病区", "ward", department);

        var tree = await sysadmin.GetFromJsonAsync<JsonElement>("/api/v1/departments", Cancel);

        var ward = tree[0].GetProperty("children")[0].GetProperty("children")[0].GetProperty("children")[0];
        Assert.Equal("心内科一病区", ward.GetProperty("name").GetString());
        Assert.Equal("ward", ward.GetProperty("kind").GetString());
        Assert.Equal($"/{hospital}/{campus}/{department}/{ward.GetProperty("id").GetInt64()}/", await WithDbAsync(db => db.Set<Department>().Where(d => d.Name == "心内科一病区").Select(d => d.Path).SingleAsync(Cancel)));
    }

    [Theory]
    [InlineData("", "hospital", false, "departments.invalid_name")]
    [InlineData("院区", "campus", false, "departments.root_must_be_hospital")]
    [InlineData("第二医院", "hospital", true, "departments.kind_below_parent")]
    public async Task A_misplaced_department_is_a_400_and_nothing_is_added(string name, string kind, bool underRoot, string code)
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));
        var hospital = await CreateAsync(sysadmin, "信科医院", "hospital", null);

        var refused = await PostAsync(sysadmin, "/api/v1/departments", new { name, kind, parentId = underRoot ? hospital : (long?)null });

        Assert.Equal(code, (await Problems.ReadAsync(refused, HttpStatusCode.BadRequest)).Code);
        Assert.Equal(1, await WithDbAsync(db => db.Set<Department>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task An_unknown_parent_or_kind_is_a_400()
    {
        var sysadmin = await SignInAsync(await CreateUserAsync("sys1", "sysadmin"));

        Assert.Equal(DepartmentErrors.UnknownParent, (await Problems.ReadAsync(await PostAsync(sysadmin, "/api/v1/departments", new { name = "科室", kind = "department", parentId = 999999 }), HttpStatusCode.BadRequest)).Code);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(sysadmin, "/api/v1/departments", new { name = "科室", kind = "clinic" })).StatusCode);
    }

    private static async Task<long> CreateAsync(HttpClient client, string name, string kind, long? parentId)
    {
        var created = await PostAsync(client, "/api/v1/departments", new { name, kind, parentId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }
}
