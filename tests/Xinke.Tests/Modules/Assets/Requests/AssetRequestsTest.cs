using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Tests.Modules.Assets.Requests;

/// <summary>Helpers of the device-request tests: people with accounts, requests filed and approved through the API.</summary>
public abstract class AssetRequestsTest(DatabaseKind kind) : AssetsTest(kind)
{
    protected static readonly long Laptop = BuiltInTypeId("laptop");

    /// <summary>An account with <paramref name="roles"/> that belongs to a person of <paramref name="department"/>, signed in.</summary>
    protected async Task<(HttpClient Client, long AccountId, long PersonId)> MemberAsync(string userName, long department, params string[] roles)
    {
        var account = await CreateUserAsync(userName, roles);
        var person = await PersonAsync(department, userName.ToUpperInvariant(), userName);
        await WithDbAsync(async db =>
        {
            var stored = await db.Set<Account>().SingleAsync(a => a.Id == account.Id, Cancel);
            stored.PersonId = person;
            return await db.SaveChangesAsync(Cancel);
        });
        return (await SignInAsync(account), account.Id, person);
    }

    protected static object Laptops(int quantity = 2, string? neededUntil = null, long? personId = null) =>
        new { typeId = Laptop, quantity, purpose = "规培医生查房用", neededFrom = "2026-03-05", neededUntil, personId };

    protected static async Task<JsonElement> FileAsync(HttpClient client, object body)
    {
        var response = await PostAsync(client, "/api/v1/asset-requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected static async Task<JsonElement> ApprovedAsync(HttpClient requester, HttpClient head, object body)
    {
        var filed = await FileAsync(requester, body);
        var approved = await PostAsync(head, $"/api/v1/approvals/{filed.GetProperty("approvalId").GetInt64()}/approve");
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Cancel));
        return filed;
    }

    protected static async Task<JsonElement> ReadAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync(new Uri($"/api/v1/asset-requests/{id}", UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    protected Task<long> InStockLaptopAsync(long department, string tag) =>
        StoredAssetAsync(department, tag, a =>
        {
            a.TypeId = Laptop;
            a.Status = AssetStatus.InStock;
        });

    protected Task<Asset> AssetAsync(long id) => WithDbAsync(db => db.Set<Asset>().AsNoTracking().SingleAsync(a => a.Id == id, Cancel));
}
