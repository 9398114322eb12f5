using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Xinke.Data;
using Xinke.Kernel.Identity;
using Xinke.Kernel.Notifications;
using Xinke.Kernel.Workflow;
using Xinke.Modules.Assets.History;
using Xinke.Modules.Assets.Loans;
using Xinke.Modules.Assets.Register;
using Xinke.Modules.Assets.Requests;
using Xinke.Tests.Infrastructure;

namespace Xinke.Tests.Modules.Assets.Requests;

/// <summary>
/// Device requests (EQ-02): a staff member files one, the head of their department approves it
/// (never the requester), IT hands out in-stock devices of the type — in parts, never more than
/// asked, never before the approval — and closes it short when the rest will not come.
/// </summary>
public abstract class AssetRequestsApiTests(DatabaseKind kind) : AssetRequestsTest(kind)
{
    public sealed class OnSqlite() : AssetRequestsApiTests(DatabaseKind.Sqlite);

    public sealed class OnPostgres() : AssetRequestsApiTests(DatabaseKind.Postgres);

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task A_staff_request_approved_by_the_department_head_is_fulfilled_by_IT_in_parts_and_each_device_is_handed_to_the_requester()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, staffAccount, staffPerson) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var first = await InStockLaptopAsync(it, "ZC-2026-000201");
        var second = await InStockLaptopAsync(it, "ZC-2026-000202");

        var filed = await FileAsync(staff, Laptops());
        var id = filed.GetProperty("id").GetInt64();
        Assert.Equal("PendingApproval", filed.GetProperty("status").GetString());
        Assert.Equal(ward, filed.GetProperty("departmentId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(head, $"/api/v1/approvals/{filed.GetProperty("approvalId").GetInt64()}/approve")).StatusCode);
        Assert.Equal("Approved", (await ReadAsync(staff, id)).GetProperty("status").GetString());

        var part = await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { first } });
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        var partly = await part.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Approved", partly.GetProperty("status").GetString());
        Assert.Equal("1/2", partly.GetProperty("progress").GetString());
        Assert.Equal("1/2", (await ReadAsync(staff, id)).GetProperty("progress").GetString());

        var rest = await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { second } });
        var done = await rest.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Fulfilled", done.GetProperty("status").GetString());
        Assert.Equal(new[] { first, second }, (await ReadAsync(staff, id)).GetProperty("assetIds").EnumerateArray().Select(a => a.GetInt64()).Order());
        foreach (var handedOut in new[] { first, second })
        {
            var asset = await AssetAsync(handedOut);
            Assert.Equal(AssetStatus.InUse, asset.Status);
            Assert.Equal(staffPerson, asset.ResponsiblePersonId);
            Assert.Equal(ward, asset.OwningDepartmentId);
            Assert.Contains(await TimelineAsync(engineer, handedOut), e => e.Kind == nameof(AssetEventKind.Assigned) && e.Text.Contains(filed.GetProperty("code").GetString()!, StringComparison.Ordinal));
        }

        var notices = await WithDbAsync(db => db.Set<InboxItem>().AsNoTracking().Where(n => n.AccountId == staffAccount).Select(n => n.Kind).ToListAsync(Cancel));
        Assert.Contains(AssetRequests.DecidedKind, notices);
        Assert.Equal(2, notices.Count(k => k == AssetRequests.FulfilledKind));
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task A_department_head_may_approve_neither_a_request_they_filed_nor_one_IT_filed_for_them()
    {
        var ward = await DepartmentAsync("心血管内科");
        var (head, _, headPerson) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}", BuiltInRoles.Staff);
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));

        var own = await FileAsync(head, Laptops(1));
        var ownApproval = await Problems.ReadAsync(await PostAsync(head, $"/api/v1/approvals/{own.GetProperty("approvalId").GetInt64()}/approve"), HttpStatusCode.Conflict);
        var forHead = await FileAsync(engineer, Laptops(1, personId: headPerson));
        var onBehalf = await Problems.ReadAsync(await PostAsync(head, $"/api/v1/approvals/{forHead.GetProperty("approvalId").GetInt64()}/approve"), HttpStatusCode.Conflict);
        var rejectOnBehalf = await Problems.ReadAsync(await PostAsync(head, $"/api/v1/approvals/{forHead.GetProperty("approvalId").GetInt64()}/reject", new { comment = "不需要" }), HttpStatusCode.Conflict);

        Assert.Equal(ApprovalErrors.SelfApproval, ownApproval.Code);
        Assert.Equal(AssetRequestErrors.SelfApproval, onBehalf.Code);
        Assert.Contains("EQ-02", onBehalf.Detail, StringComparison.Ordinal);
        Assert.Equal(AssetRequestErrors.SelfApproval, rejectOnBehalf.Code);
        Assert.Equal(headPerson, forHead.GetProperty("personId").GetInt64());
        Assert.All(await WithDbAsync(db => db.Set<AssetRequest>().AsNoTracking().Select(r => r.Status).ToListAsync(Cancel)), s => Assert.Equal(AssetRequestStatus.PendingApproval, s));
        Assert.All(await WithDbAsync(db => db.Set<ApprovalRequest>().AsNoTracking().Select(r => r.State).ToListAsync(Cancel)), s => Assert.Equal(ApprovalState.Pending, s));
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task IT_cannot_hand_out_devices_before_the_approval_nor_of_another_type_out_of_stock_or_beyond_the_quantity()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, _) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000211");
        var spare = await InStockLaptopAsync(it, "ZC-2026-000212");
        var third = await InStockLaptopAsync(it, "ZC-2026-000213");
        var pc = await StoredAssetAsync(it, "ZC-2026-000214", a => a.Status = AssetStatus.InStock);
        var lent = await StoredAssetAsync(it, "ZC-2026-000215", a => a.TypeId = Laptop);

        var filed = await FileAsync(staff, Laptops());
        var id = filed.GetProperty("id").GetInt64();
        var early = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(head, $"/api/v1/approvals/{filed.GetProperty("approvalId").GetInt64()}/approve")).StatusCode);
        var wrongType = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop, pc } }), HttpStatusCode.Conflict);
        var inUse = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { lent } }), HttpStatusCode.Conflict);
        var tooMany = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop, spare, third } }), HttpStatusCode.Conflict);
        var none = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = Array.Empty<long>() }), HttpStatusCode.BadRequest);
        var byStaff = await PostAsync(staff, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } });

        Assert.Equal(AssetRequestErrors.NotApproved, early.Code);
        Assert.Contains("EQ-02", early.Detail, StringComparison.Ordinal);
        Assert.Equal(AssetRequestErrors.WrongType, wrongType.Code);
        Assert.Equal(AssetRequestErrors.NotInStock, inUse.Code);
        Assert.Equal(AssetRequestErrors.TooMany, tooMany.Code);
        Assert.Contains("assetIds", none.Errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal("0/2", (await ReadAsync(staff, id)).GetProperty("progress").GetString());
        Assert.Equal(AssetStatus.InStock, (await AssetAsync(laptop)).Status);
        Assert.False(await WithDbAsync(db => db.Set<AssetRequestItem>().AnyAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task A_request_must_state_type_quantity_purpose_and_time_and_staff_file_only_for_themselves()
    {
        var ward = await DepartmentAsync("心血管内科");
        var (staff, _, _) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var colleague = await PersonAsync(ward, "E1002", "赵护士");
        var noPerson = await SignInAsync(await CreateUserAsync("zhou.linshi", BuiltInRoles.Staff));

        async Task<string[]> FieldsAsync(HttpClient client, object body) =>
            [.. (await Problems.ReadAsync(await PostAsync(client, "/api/v1/asset-requests", body), HttpStatusCode.BadRequest)).Errors.Keys];

        Assert.Contains("typeId", await FieldsAsync(staff, new { quantity = 1, purpose = "查房", neededFrom = "2026-03-05" }));
        Assert.Contains("typeId", await FieldsAsync(staff, new { typeId = 9999, quantity = 1, purpose = "查房", neededFrom = "2026-03-05" }));
        Assert.Contains("quantity", await FieldsAsync(staff, new { typeId = Laptop, quantity = 0, purpose = "查房", neededFrom = "2026-03-05" }));
        Assert.Contains("quantity", await FieldsAsync(staff, new { typeId = Laptop, quantity = 51, purpose = "查房", neededFrom = "2026-03-05" }));
        Assert.Contains("purpose", await FieldsAsync(staff, new { typeId = Laptop, quantity = 1, purpose = " ", neededFrom = "2026-03-05" }));
        Assert.Contains("neededFrom", await FieldsAsync(staff, new { typeId = Laptop, quantity = 1, purpose = "查房" }));
        Assert.Contains("neededFrom", await FieldsAsync(staff, new { typeId = Laptop, quantity = 1, purpose = "查房", neededFrom = "2026-03-01" }));
        Assert.Contains("neededUntil", await FieldsAsync(staff, new { typeId = Laptop, quantity = 1, purpose = "查房", neededFrom = "2026-03-05", neededUntil = "2026-03-04" }));
        Assert.Contains("personId", await FieldsAsync(noPerson, Laptops(1)));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(staff, "/api/v1/asset-requests", Laptops(1, personId: colleague))).StatusCode);
        Assert.False(await WithDbAsync(db => db.Set<AssetRequest>().AnyAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task Staff_see_their_own_requests_heads_their_departments_and_IT_all_and_anything_else_is_not_found()
    {
        var ward = await DepartmentAsync("心血管内科");
        var radiology = await DepartmentAsync("放射科");
        var (staff, _, _) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (colleague, _, _) = await MemberAsync("zhao.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var (otherHead, _, _) = await MemberAsync("sun.zhuren", radiology, $"{BuiltInRoles.DeptHead}@{radiology}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var id = (await FileAsync(staff, Laptops())).GetProperty("id").GetInt64();
        var theirs = (await FileAsync(colleague, Laptops(1))).GetProperty("id").GetInt64();

        async Task<long[]> ListAsync(HttpClient client, string query = "") =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/asset-requests{query}", Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).Order()];

        Assert.Equal(new[] { id }, await ListAsync(staff));
        Assert.Equal(new[] { id, theirs }, await ListAsync(head));
        Assert.Equal(new[] { id, theirs }, await ListAsync(engineer));
        Assert.Empty(await ListAsync(otherHead));
        Assert.Empty(await ListAsync(engineer, "?view=mine"));
        Assert.Equal(new[] { theirs }, await ListAsync(head, "?q=" + Uri.EscapeDataString((await ReadAsync(colleague, theirs)).GetProperty("code").GetString()!)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(new Uri($"/api/v1/asset-requests/{theirs}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync(new Uri($"/api/v1/asset-requests/{id}", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(staff, $"/api/v1/asset-requests/{theirs}/cancel")).StatusCode);
        var export = await engineer.GetStringAsync(new Uri("/api/v1/asset-requests/export?format=csv", UriKind.Relative), Cancel);
        Assert.Contains((await ReadAsync(staff, id)).GetProperty("code").GetString()!, export, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync(new Uri("/api/v1/asset-requests?view=everything", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task The_requester_cancels_before_the_decision_and_not_after_it()
    {
        var ward = await DepartmentAsync("心血管内科");
        var (staff, _, _) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var pending = (await FileAsync(staff, Laptops(1))).GetProperty("id").GetInt64();
        var approved = (await ApprovedAsync(staff, head, Laptops(1))).GetProperty("id").GetInt64();

        var byHead = await Problems.ReadAsync(await PostAsync(head, $"/api/v1/asset-requests/{pending}/cancel"), HttpStatusCode.Forbidden);
        var cancelled = await PostAsync(staff, $"/api/v1/asset-requests/{pending}/cancel");
        var late = await Problems.ReadAsync(await PostAsync(staff, $"/api/v1/asset-requests/{approved}/cancel"), HttpStatusCode.Conflict);

        Assert.Equal(AssetRequestErrors.NotRequester, byHead.Code);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await ReadAsync(staff, pending)).GetProperty("status").GetString());
        Assert.Equal(AssetRequestErrors.NotPending, late.Code);
        Assert.Contains("EQ-02", late.Detail, StringComparison.Ordinal);
        var approvalId = (await ReadAsync(staff, pending)).GetProperty("approvalId").GetInt64();
        Assert.Equal(ApprovalState.Withdrawn, await WithDbAsync(db => db.Set<ApprovalRequest>().Where(r => r.Id == approvalId).Select(r => r.State).SingleAsync(Cancel)));
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task IT_closes_a_partly_fulfilled_request_short_with_a_reason_on_the_current_version_and_nothing_goes_out_after()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, _) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000221");
        var later = await InStockLaptopAsync(it, "ZC-2026-000222");
        var id = (await ApprovedAsync(staff, head, Laptops(3))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } })).StatusCode);

        var noReason = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/close", new { reason = "" }), HttpStatusCode.BadRequest);
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/asset-requests/{id}/close") { Content = JsonContent.Create(new { reason = "库存不足" }) };
        stale.Headers.Add(IdentityPipeline.RequestedWithHeader, IdentityPipeline.RequestedWithValue);
        stale.Headers.Add("Origin", "http://localhost");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var staleAnswer = await engineer.SendAsync(stale, Cancel);
        var closed = await PostAsync(engineer, $"/api/v1/asset-requests/{id}/close", new { reason = "库存不足，其余待采购" });
        var after = await Problems.ReadAsync(await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { later } }), HttpStatusCode.Conflict);

        Assert.Contains("reason", noReason.Errors.Keys);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var body = await ReadAsync(staff, id);
        Assert.Equal("Closed", body.GetProperty("status").GetString());
        Assert.Equal("1/3", body.GetProperty("progress").GetString());
        Assert.Equal("库存不足，其余待采购", body.GetProperty("closeReason").GetString());
        Assert.Equal(AssetRequestErrors.NotApproved, after.Code);
        Assert.Equal(AssetStatus.InStock, (await AssetAsync(later)).Status);
    }

    [Fact]
    [Trait("Req", "EQ-02")]
    public async Task Devices_for_a_temporary_need_go_out_on_loan_to_the_requester()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, person) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000231");
        var id = (await ApprovedAsync(staff, head, Laptops(1, neededUntil: "2026-03-20"))).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } })).StatusCode);

        var asset = await AssetAsync(laptop);
        Assert.Equal(AssetStatus.OnLoan, asset.Status);
        Assert.Equal(person, asset.ResponsiblePersonId);
        Assert.Equal("Fulfilled", (await ReadAsync(staff, id)).GetProperty("status").GetString());
    }

    [Fact]
    [Trait("Req", "EQ-03")]
    public async Task A_device_handed_out_for_a_temporary_need_is_a_loan_due_after_the_last_day_that_comes_back_only_through_the_inspection()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, person) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var engineer = await SignInAsync(await CreateUserAsync("wang.gong", BuiltInRoles.ItEngineer));
        var laptop = await InStockLaptopAsync(it, "ZC-2026-000231");
        var id = (await ApprovedAsync(staff, head, Laptops(1, neededUntil: "2026-03-20"))).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop }, condition = "外观完好，含电源" })).StatusCode);
        var loan = await WithDbAsync(db => db.Set<AssetLoan>().AsNoTracking().SingleAsync(Cancel));
        var uninspected = await PostAsync(engineer, $"/api/v1/loans/{loan.Id}/return", new { });
        var stillOut = await AssetAsync(laptop);
        var inspected = await PostAsync(engineer, $"/api/v1/loans/{loan.Id}/return", new { condition = "完好", accessoriesComplete = true, dataWiped = true, damaged = false });

        Assert.Equal((laptop, person, "外观完好，含电源"), (loan.AssetId, loan.BorrowerPersonId, loan.ConditionOut));
        Assert.Equal(new DateTime(2026, 3, 20, 16, 0, 0, DateTimeKind.Utc), loan.DueAt);
        await Problems.ReadAsync(uninspected, HttpStatusCode.BadRequest);
        Assert.Equal(AssetStatus.OnLoan, stillOut.Status);
        Assert.Equal(HttpStatusCode.OK, inspected.StatusCode);
        Assert.Equal(AssetStatus.InStock, (await AssetAsync(laptop)).Status);
        Assert.Equal(["Assigned", "Loan", "Return", "Assigned"], (await TimelineAsync(engineer, laptop)).Select(e => e.Kind).Reverse());
    }

    [Fact]
    public async Task A_device_lent_on_a_request_goes_back_to_the_department_person_and_place_it_had_before_when_returned()
    {
        var ward = await DepartmentAsync("心血管内科");
        var it = await DepartmentAsync("信息科");
        var (staff, _, requester) = await MemberAsync("li.hushi", ward, BuiltInRoles.Staff);
        var (head, _, _) = await MemberAsync("chen.zhuren", ward, $"{BuiltInRoles.DeptHead}@{ward}");
        var (engineer, _, keeper) = await MemberAsync("wang.gong", it, BuiltInRoles.ItEngineer);
        var laptop = await StoredAssetAsync(it, "ZC-2026-000232", a =>
        {
            a.TypeId = Laptop;
            a.Status = AssetStatus.InStock;
            a.ResponsiblePersonId = keeper;
            (a.Campus, a.Building, a.Floor, a.Room) = ("本院区", "行政楼", "5F", "信息科库房");
        });
        var id = (await ApprovedAsync(staff, head, Laptops(1, neededUntil: "2026-03-20"))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/asset-requests/{id}/fulfil", new { assetIds = new[] { laptop } })).StatusCode);
        var away = await AssetAsync(laptop);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(engineer, $"/api/v1/assets/{laptop}/move", new { campus = "本院区", building = "住院楼", floor = "7F", room = "心内科护士站" })).StatusCode);
        var loan = await WithDbAsync(db => db.Set<AssetLoan>().AsNoTracking().SingleAsync(Cancel));

        var returned = await PostAsync(engineer, $"/api/v1/loans/{loan.Id}/return", new { condition = "完好", accessoriesComplete = true, dataWiped = true, damaged = false });

        Assert.Equal((ward, requester), (away.OwningDepartmentId, away.ResponsiblePersonId));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var home = await AssetAsync(laptop);
        Assert.Equal((it, keeper, AssetStatus.InStock), (home.OwningDepartmentId, home.ResponsiblePersonId, home.Status));
        Assert.Equal("本院区 / 行政楼 / 5F / 信息科库房", home.Location.Text);
        var (kind, text) = (await TimelineAsync(engineer, laptop))[0];
        Assert.Equal("Assigned", kind);
        Assert.Contains("信息科", text, StringComparison.Ordinal);
        Assert.Contains("信息科库房", text, StringComparison.Ordinal);
    }
}
