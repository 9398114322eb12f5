using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xinke.Data;
using Xinke.Kernel.Audit;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Privacy;
using Xinke.Tests.Kernel.Identity;
using Xinke.Tests.Kernel.Privacy.Contacts;

namespace Xinke.Tests.Kernel.Privacy;

/// <summary>
/// A field marked sensitive is unreadable on disk, readable through the API, masked for readers
/// without the view-sensitive permission in lists, exports and audit diffs, and each view in
/// clear is audited (DATA-09).
/// </summary>
public abstract class SensitiveFieldTests(DatabaseKind kind) : IdentityTest(kind)
{
    private const string Phone = "13812345678";
    private const string Masked = "138****5678";

    public sealed class OnSqlite() : SensitiveFieldTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : SensitiveFieldTests(DatabaseKind.Postgres);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddContactCardModule();
    }

    protected override async Task StartedAsync()
    {
        await base.StartedAsync();
        await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ContactCardModel.CreateTableSql(Kind), Cancel));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_sensitive_field_is_unreadable_on_disk_and_readable_through_the_api()
    {
        var officer = await SignInAsync(await CreateUserAsync("officer", BuiltInRoles.SecAdmin));
        await CreateCardAsync(officer);

        var stored = await StoredPhonesAsync();
        Assert.StartsWith("sm4:", Assert.Single(stored), StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, stored[0], StringComparison.Ordinal);
        Assert.DoesNotContain("5678", stored[0], StringComparison.Ordinal);

        var cards = await officer.GetFromJsonAsync<List<ContactCardDto>>(new Uri("/api/v1/test-contacts", UriKind.Relative), Cancel);
        Assert.Equal(Phone, Assert.Single(cards!).Phone);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task A_reader_without_the_permission_sees_the_phone_masked_in_the_list_and_the_export()
    {
        var officer = await SignInAsync(await CreateUserAsync("officer", BuiltInRoles.SecAdmin));
        await CreateCardAsync(officer);
        var nurse = await SignInAsync(await CreateUserAsync("nurse", BuiltInRoles.Staff));

        var cards = await nurse.GetFromJsonAsync<List<ContactCardDto>>(new Uri("/api/v1/test-contacts", UriKind.Relative), Cancel);
        var csv = await nurse.GetStringAsync(new Uri("/api/v1/test-contacts/export", UriKind.Relative), Cancel);

        Assert.Equal(Masked, Assert.Single(cards!).Phone);
        Assert.Contains(Masked, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, csv, StringComparison.Ordinal);
        Assert.Empty(await EventsAsync(SensitiveViews.ViewedAction));
        Assert.Empty(await EventsAsync(SensitiveViews.ExportedAction));
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task The_audit_diff_holds_the_phone_masked()
    {
        var officer = await SignInAsync(await CreateUserAsync("officer", BuiltInRoles.SecAdmin));
        await CreateCardAsync(officer);

        var created = await WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.EntityType == nameof(ContactCard)).ToListAsync(Cancel));

        var changes = Assert.Single(created).Changes!;
        Assert.Contains(Masked, changes, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, changes, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task Every_view_in_clear_is_audited_with_the_records_it_showed()
    {
        var officerAccount = await CreateUserAsync("officer", BuiltInRoles.SecAdmin);
        var officer = await SignInAsync(officerAccount);
        var first = await CreateCardAsync(officer);
        var second = await CreateCardAsync(officer);

        await officer.GetFromJsonAsync<List<ContactCardDto>>(new Uri("/api/v1/test-contacts", UriKind.Relative), Cancel);
        await officer.GetStringAsync(new Uri("/api/v1/test-contacts/export", UriKind.Relative), Cancel);

        var viewed = Assert.Single(await EventsAsync(SensitiveViews.ViewedAction));
        Assert.Equal(officerAccount.Id, viewed.ActorId);
        Assert.Equal("DATA-09", viewed.RequirementIds);
        Assert.Equal([first, second], JsonDocument.Parse(viewed.Changes ?? "{}").RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetInt64()));
        var exported = Assert.Single(await EventsAsync(SensitiveViews.ExportedAction));
        Assert.Equal(officerAccount.Id, exported.ActorId);
    }

    [Fact]
    [Trait("Req", "DATA-09")]
    public async Task An_authenticator_seed_is_stored_encrypted_and_still_signs_in()
    {
        var engineer = await CreateUserAsync("engineer", BuiltInRoles.ItEngineer);

        var stored = await WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "TotpSecret" AS "Value" FROM "Accounts" WHERE "Id" = {0}""", engineer.Id).SingleAsync(Cancel));

        Assert.StartsWith("sm4:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(engineer.TotpSecret!, stored, StringComparison.Ordinal);
        Assert.Equal(engineer.TotpSecret, (await ReloadAsync(engineer.Id)).TotpSecret);
        await SignInAsync(engineer);
    }

    private static async Task<long> CreateCardAsync(HttpClient client)
    {
        var response = await PostAsync(client, "/api/v1/test-contacts", new ContactCardInput("王护士", Phone, null));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContactCardDto>(Cancel))!.Id;
    }

    private Task<List<string>> StoredPhonesAsync() =>
        WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT "Phone" AS "Value" FROM "TestContactCards" """).ToListAsync(Cancel));

    private Task<List<AuditEvent>> EventsAsync(string action) =>
        WithDbAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync(Cancel));
}
