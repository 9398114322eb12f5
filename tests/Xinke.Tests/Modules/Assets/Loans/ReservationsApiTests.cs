using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Modules.Assets.Loans;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Loans;

/// <summary>Reservations (EQ-03): no two windows of a device overlap, nor a window and an open loan; windows that only touch do not.</summary>
public abstract class ReservationsApiTests(DatabaseKind kind) : LoansTest(kind)
{
    public sealed class OnSqlite() : ReservationsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : ReservationsApiTests(DatabaseKind.Postgres);

    private static readonly TimeSpan Start = TimeSpan.FromDays(2);
    private static readonly TimeSpan End = TimeSpan.FromDays(2) + TimeSpan.FromHours(4);

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_window_overlapping_another_at_either_edge_is_refused_and_touching_windows_are_allowed()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000401");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        Assert.Equal(HttpStatusCode.Created, (await ReserveAsync(engineer, asset, Start, End, nurse)).StatusCode);
        var minute = TimeSpan.FromMinutes(1);

        var overStart = await Problems.ReadAsync(await ReserveAsync(engineer, asset, Start - TimeSpan.FromHours(1), Start + minute, doctor), HttpStatusCode.Conflict);
        var overEnd = await Problems.ReadAsync(await ReserveAsync(engineer, asset, End - minute, End + TimeSpan.FromHours(1), doctor), HttpStatusCode.Conflict);
        var around = await ReserveAsync(engineer, asset, Start - minute, End + minute, doctor);
        var inside = await ReserveAsync(engineer, asset, Start + minute, End - minute, doctor);
        var before = await ReserveAsync(engineer, asset, Start - TimeSpan.FromHours(2), Start, doctor);
        var after = await ReserveAsync(engineer, asset, End, End + TimeSpan.FromHours(2), doctor);

        Assert.Equal(LoanErrors.ReservationConflict, overStart.Code);
        Assert.Contains("EQ-03", overStart.Detail, StringComparison.Ordinal);
        Assert.Equal(LoanErrors.ReservationConflict, overEnd.Code);
        Assert.Equal(HttpStatusCode.Conflict, around.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(3, (await engineer.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{asset}/reservations", Cancel)).GetArrayLength());
        Assert.Contains(await TimelineAsync(engineer, asset), e => e.Kind == "Reservation");
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task An_open_loan_holds_the_device_until_its_due_time_and_past_it_until_it_is_back()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000402");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", it);
        var engineerAccount = await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer);
        var engineer = await SignInAsync(engineerAccount);
        await LentAsync(engineer, asset, nurse, Start);

        var during = await Problems.ReadAsync(await ReserveAsync(engineer, asset, Start - TimeSpan.FromHours(1), End, doctor), HttpStatusCode.Conflict);
        var fromDue = await ReserveAsync(engineer, asset, Start, End, doctor);
        Clock.Advance(End + TimeSpan.FromHours(1));
        engineer = await SignInAsync(engineerAccount);
        var whileOverdue = await ReserveAsync(engineer, asset, TimeSpan.FromHours(1), TimeSpan.FromHours(3), doctor);

        Assert.Equal(LoanErrors.ReservationConflict, during.Code);
        Assert.Equal(HttpStatusCode.Created, fromDue.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whileOverdue.StatusCode);
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task Staff_reserve_for_themselves_only_and_it_reserves_for_anyone()
    {
        var it = await DepartmentAsync("信息科");
        var cardiology = await DepartmentAsync("心内科");
        var asset = await InStockAsync(it, "ZC-2026-000403");
        var (nurseAccount, nurse) = await PersonWithAccountAsync("li.hushi", cardiology);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", cardiology);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var staff = await SignInAsync(nurseAccount);

        var own = await ReserveAsync(staff, asset, Start, End);
        var forColleague = await Problems.ReadAsync(await ReserveAsync(staff, asset, End, End + TimeSpan.FromHours(2), doctor), HttpStatusCode.Forbidden);
        var byIt = await ReserveAsync(engineer, asset, End, End + TimeSpan.FromHours(2), doctor);
        var noPurpose = await Problems.ReadAsync(await PostAsync(staff, $"/api/v1/assets/{asset}/reservations", new { from = At(TimeSpan.FromDays(5)), until = At(TimeSpan.FromDays(6)) }), HttpStatusCode.BadRequest);
        var backwards = await Problems.ReadAsync(await ReserveAsync(staff, asset, TimeSpan.FromDays(6), TimeSpan.FromDays(5)), HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(nurse, (await own.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("personId").GetInt64());
        Assert.Equal(LoanErrors.ReservationForOthers, forColleague.Code);
        Assert.Equal(HttpStatusCode.Created, byIt.StatusCode);
        Assert.Contains("purpose", noPurpose.Errors.Keys);
        Assert.Contains("until", backwards.Errors.Keys);
        Assert.Equal(2, await WithDbAsync(db => db.Set<AssetReservation>().CountAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_reservation_is_cancelled_by_its_person_or_it_and_nobody_else()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000404");
        var (nurseAccount, _) = await PersonWithAccountAsync("li.hushi", it);
        var (otherAccount, _) = await PersonWithAccountAsync("sun.hushi", it);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var nurse = await SignInAsync(nurseAccount);
        var other = await SignInAsync(otherAccount);
        var first = (await (await ReserveAsync(nurse, asset, Start, End)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();
        var second = (await (await ReserveAsync(nurse, asset, End, End + TimeSpan.FromHours(1))).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt64();

        var byOther = await PostAsync(other, $"/api/v1/reservations/{first}/cancel");
        var byPerson = await PostAsync(nurse, $"/api/v1/reservations/{first}/cancel");
        var again = await Problems.ReadAsync(await PostAsync(nurse, $"/api/v1/reservations/{first}/cancel"), HttpStatusCode.Conflict);
        var byIt = await PostAsync(engineer, $"/api/v1/reservations/{second}/cancel");

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byPerson.StatusCode);
        Assert.Equal(LoanErrors.ReservationCancelled, again.Code);
        Assert.Equal(HttpStatusCode.OK, byIt.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ReserveAsync(nurse, asset, Start, End)).StatusCode);
        Assert.Equal(1, (await nurse.GetFromJsonAsync<JsonElement>("/api/v1/reservations?active=true", Cancel)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task Of_two_overlapping_reservations_made_at_once_only_one_lands()
    {
        var it = await DepartmentAsync("信息科");
        var asset = await InStockAsync(it, "ZC-2026-000405");
        var (_, nurse) = await PersonWithAccountAsync("li.hushi", it);
        var (_, doctor) = await PersonWithAccountAsync("zhao.yisheng", it);
        var first = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var second = await SignInAsync(await CreateUserAsync("chen.gong", BuiltInRoles.ItEngineer));

        var responses = await Task.WhenAll(
            ReserveAsync(first, asset, Start, End, nurse),
            ReserveAsync(second, asset, Start + TimeSpan.FromHours(1), End + TimeSpan.FromHours(1), doctor));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await WithDbAsync(db => db.Set<AssetReservation>().CountAsync(Cancel)));
    }
}
