using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Register;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>Helpers of the loans tests: people with accounts, devices in the store and loans made through the API.</summary>
public abstract class LoansTest(DatabaseKind kind) : AssetsTest(kind)
{
    /// <summary>An account whose person works in <paramref name="department"/> (staff unless roles are given).</summary>
    protected async Task<(Account Account, long PersonId)> PersonWithAccountAsync(string userName, long department, params string[] roles)
    {
        var account = await CreateUserAsync(userName, roles.Length == 0 ? [BuiltInRoles.Staff] : roles);
        var person = await PersonAsync(department, $"E-{userName}", userName);
        await WithDbAsync(async db =>
        {
            var stored = await db.Set<Account>().SingleAsync(a => a.Id == account.Id, Cancel);
            stored.PersonId = person;
            return await db.SaveChangesAsync(Cancel);
        });
        return (await ReloadAsync(account.Id), person);
    }

    /// <summary>A laptop in the store, owned by <paramref name="department"/>.</summary>
    protected Task<long> InStockAsync(long department, string tag, bool holdsData = false) =>
        StoredAssetAsync(department, tag, a =>
        {
            a.Status = AssetStatus.InStock;
            a.HoldsData = holdsData;
        });

    /// <summary>The fake clock's now plus <paramref name="offset"/>, as the API takes it.</summary>
    protected string At(TimeSpan offset) => (Clock.GetUtcNow() + offset).ToString("O", CultureInfo.InvariantCulture);

    protected async Task<HttpResponseMessage> LendAsync(HttpClient client, long asset, long borrower, TimeSpan dueIn) =>
        await PostAsync(client, $"/api/v1/assets/{asset}/loan", new { borrowerPersonId = borrower, due = At(dueIn), condition = "外观完好，开机正常", accessories = "电源适配器" });

    protected async Task<long> LentAsync(HttpClient client, long asset, long borrower, TimeSpan dueIn)
    {
        var response = await LendAsync(client, asset, borrower, dueIn);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
    }

    protected static object Inspection(bool damaged = false, bool dataWiped = true, string? notes = null) =>
        new { condition = "外观完好", accessoriesComplete = true, dataWiped, damaged, notes };

    protected Task<HttpResponseMessage> ReserveAsync(HttpClient client, long asset, TimeSpan from, TimeSpan until, long? personId = null) =>
        PostAsync(client, $"/api/v1/assets/{asset}/reservations", new { personId, from = At(from), until = At(until), purpose = "院外义诊" });

    protected Task<AssetStatus> StatusAsync(long asset) =>
        WithDbAsync(db => db.Set<Asset>().Where(a => a.Id == asset).Select(a => a.Status).SingleAsync(Cancel));

    protected static async Task<IReadOnlyList<long>> IdsAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(url, Cancel);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];
    }

    protected Task<int> LiaisonAsync(long department, long personId) =>
        WithDbAsync(async db =>
        {
            db.Add(new Xinke.Modules.Organization.Departments.DepartmentContacts { DepartmentId = department, LiaisonPersonId = personId });
            return await db.SaveChangesAsync(Cancel);
        });
}
